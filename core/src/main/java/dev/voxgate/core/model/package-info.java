/** Immutable values of the domain: requests, results, audio, deployments, model groups and secrets. */
package dev.voxgate.core.model;
