/**
 * The one framework every vendor adapter is built on, over the provider SPI: {@link
 * dev.voxgate.providers.http.UpstreamProviderFactory} connects a deployment; {@link
 * dev.voxgate.providers.http.EndpointRules} resolve its base URL, key, API version and headers by the same rules for
 * every vendor; a {@link dev.voxgate.providers.http.ParamSchema} declares the parameters a provider takes (typed, and
 * where each goes: form, query, JSON) and vets every call's; an {@link dev.voxgate.providers.http.UpstreamExchange}
 * is a vendor's call, one HTTP request or several, over {@link dev.voxgate.providers.http.UpstreamCalls}, which add
 * the key and map vendor statuses and I/O errors to failures in one place ({@link
 * dev.voxgate.providers.http.FailureMapper}). Also the replayable audio body, key redaction and the shared JSON
 * mapper.
 */
package dev.voxgate.providers.http;
