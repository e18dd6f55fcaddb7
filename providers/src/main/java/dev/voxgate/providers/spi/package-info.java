/**
 * The provider SPI: how a vendor adapter is created for a deployment ({@code ProviderFactory}) and what every adapter
 * is given ({@code ProviderContext}: the shared HTTP client and the environment). It depends on no other providers
 * package, so that the HTTP framework and every vendor build on it. Adding a vendor is one factory plus one catalog
 * line.
 */
package dev.voxgate.providers.spi;
