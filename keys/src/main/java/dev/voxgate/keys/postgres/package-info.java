/**
 * The {@link dev.voxgate.keys.KeyStore} in PostgreSQL: plain SQL over JDBC (the queries are few and fixed, so a
 * mapping library would add a dependency and hide the SQL without saving code), a HikariCP pool, and the schema
 * migrated by Flyway from {@code db/voxgate-keys} once the database first answers.
 */
package dev.voxgate.keys.postgres;
