/** The built-in provider adapters and the catalog that picks one for a deployment by its provider id. */
package dev.voxgate.providers;
