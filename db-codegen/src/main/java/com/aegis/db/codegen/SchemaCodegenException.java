package com.aegis.db.codegen;

/** Generating the jOOQ classes failed; the message says which step and which input (migration, directory). */
public final class SchemaCodegenException extends RuntimeException {

    public SchemaCodegenException(String message) {
        super(message);
    }

    public SchemaCodegenException(String message, Throwable cause) {
        super(message, cause);
    }
}
