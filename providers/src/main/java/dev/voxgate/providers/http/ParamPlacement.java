package dev.voxgate.providers.http;

/**
 * Where a vendor parameter goes on the wire; {@link VettedRequest} writes each kind of value there as the vendor
 * reads it.
 *
 * <p>Immutable and thread-safe.
 */
public enum ParamPlacement {
    /** A multipart form field: a list in the vendor's {@link ArrayEncoding}, a map as {@code name[key]} parts. */
    FORM,
    /** A query parameter: a list as one key per value ({@code keyterm=a&keyterm=b}), a map as {@code name[key]}. */
    QUERY,
    /** A member of a JSON body: a number, a boolean, a string, an array or an object, as the parameter's type says. */
    JSON
}
