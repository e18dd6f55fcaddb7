/**
 * The standalone proxy: OpenAI's audio endpoints over HTTP (Javalin on virtual threads), authenticating callers,
 * parsing uploads, delegating to the router and rendering the answer in the requested format.
 */
package dev.voxgate.proxy;
