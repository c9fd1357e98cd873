package com.aegis.activities.sources;

/** The provider refused the request as asked (unknown or suspended key, invalid parameter, unknown symbol). */
public final class SourceRejectedException extends SourceException {

    private final String providerCode;

    public SourceRejectedException(String source, String providerCode, String message) {
        super(source, message, null);
        this.providerCode = providerCode;
    }

    /** The provider's own code (OpenDART status, HTTP status), for mapping and alerts. */
    public String providerCode() {
        return providerCode;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
