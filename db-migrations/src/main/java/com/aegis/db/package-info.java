/**
 * The AEGIS PostgreSQL schema: Flyway migrations in {@code db/migration} and {@link com.aegis.db.Migrations} to apply
 * them. The jOOQ classes describing the schema are generated from these migrations at build time into
 * {@code com.aegis.db.jooq} (tables in {@code com.aegis.db.jooq.Tables}, records in
 * {@code com.aegis.db.jooq.tables.records}); they are never edited by hand.
 */
package com.aegis.db;
