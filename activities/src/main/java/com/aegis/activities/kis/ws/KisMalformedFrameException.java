package com.aegis.activities.kis.ws;

/**
 * A frame from the real-time service that cannot be read: not a data or control frame, a wrong field count, a field
 * that does not parse, an undecryptable payload. The frame is skipped and counted; the message says what was wrong
 * and where, and never contains a fill notice's contents.
 */
public final class KisMalformedFrameException extends RuntimeException {

    public KisMalformedFrameException(String message) {
        super(message);
    }

    public KisMalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
