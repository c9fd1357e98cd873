package com.aegis.marketsim.generator;

/** A history directory could not be written or read back (missing file, bad row, checksum mismatch). */
public final class HistoryFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistoryFileException(String message) {
        super(message);
    }

    public HistoryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
