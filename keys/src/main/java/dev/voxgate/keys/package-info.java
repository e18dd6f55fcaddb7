/**
 * Virtual keys, teams, budgets and the spend log, as LiteLLM's proxy models them: the rules a call with a virtual key
 * must pass ({@link KeyRing}, read from memory, never from the database on the hot path), the limits of a key
 * counted in the router's {@link dev.voxgate.router.state.RoutingState} (so that they hold across replicas when that
 * state is shared), and the spend rows written off the request path in batches ({@link SpendLedger}). Where keys are
 * kept is the {@link KeyStore} port; {@code dev.voxgate.keys.postgres} keeps them in PostgreSQL.
 */
package dev.voxgate.keys;
