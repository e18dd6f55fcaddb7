package dev.voxgate.providers.http;

/** When a call to a vendor needs a key. Immutable and thread-safe. */
public enum KeyRequirement {
    /** Always: a call without a key fails with {@code AuthenticationFailed}. */
    ALWAYS,
    /** Only against the default base's host; a self-hosted server at another base is called without one. */
    FOR_DEFAULT_HOST,
    /** Never: the vendor takes no key, one is sent only when configured. */
    NEVER
}
