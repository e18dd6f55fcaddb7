/** What the local engine's parts share and nothing outside the engine uses: the time budget of one request. */
package dev.voxgate.local.internal;
