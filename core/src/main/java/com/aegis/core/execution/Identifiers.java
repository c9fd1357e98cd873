package com.aegis.core.execution;

import java.util.Objects;

/** Shared validation of the text identifiers of the execution domain. */
final class Identifiers {

    /** Longest identifier accepted; KIS order numbers and workflow-derived ids are far shorter. */
    static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    static String requireValid(String kind, String value) {
        Objects.requireNonNull(value, kind + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(kind + " must be at most " + MAX_LENGTH + " characters, got "
                    + value.length() + ": '" + value.substring(0, 20) + "...'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(kind + " must not contain whitespace or control characters: '"
                        + value + "' (position " + i + ")");
            }
        }
        return value;
    }
}
