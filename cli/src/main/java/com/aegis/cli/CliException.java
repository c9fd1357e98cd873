package com.aegis.cli;

/** A failure the operator can act on; printed as its message alone, without a stack trace. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
