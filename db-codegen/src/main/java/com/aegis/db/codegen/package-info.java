/**
 * Build-time generator of the AEGIS jOOQ classes: starts an embedded PostgreSQL, applies the Flyway migrations of
 * {@code db-migrations} to it, and runs jOOQ's code generator against the migrated {@code public} schema.
 * {@link com.aegis.db.codegen.GenerateJooqFromMigrations} is the entry point the {@code db-migrations} build calls;
 * nothing here is used at run time.
 */
package com.aegis.db.codegen;
