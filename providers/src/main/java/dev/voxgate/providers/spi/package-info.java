/** The provider SPI: how a vendor adapter is created for a deployment. Adding a vendor is one factory plus one catalog line. */
package dev.voxgate.providers.spi;
