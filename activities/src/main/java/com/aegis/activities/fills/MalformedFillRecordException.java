package com.aegis.activities.fills;

/** A {@code broker.fills.v1} record that is not a readable, consistent {@link FillNoticeRecord}. */
public final class MalformedFillRecordException extends RuntimeException {

    public MalformedFillRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
