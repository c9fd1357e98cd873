package com.aegis.localstack;

/**
 * A component of the local stack could not start, or an external service is not reachable. The message always names
 * the component, the address and the setting the user can change.
 */
public class LocalStackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
