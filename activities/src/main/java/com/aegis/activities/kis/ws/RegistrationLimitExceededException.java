package com.aegis.activities.kis.ws;

/** A registration would exceed the session's limit (KIS: 40, counting every TR of every symbol). */
public final class RegistrationLimitExceededException extends RuntimeException {

    public RegistrationLimitExceededException(String message) {
        super(message);
    }
}
