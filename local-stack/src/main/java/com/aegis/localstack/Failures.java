package com.aegis.localstack;

/** Turns a library's exception chain into the one sentence a user needs. */
final class Failures {

    private Failures() {
    }

    /** The innermost cause's message, which is where servers and drivers say what actually went wrong. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /**
     * True when exec failed with ETXTBSY: a fork in another thread briefly inherited the write handle of a freshly
     * extracted binary. It passes on its own, so the start is simply tried again.
     */
    static boolean isTextFileBusy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("Text file busy") || message.contains("error=26"))) {
                return true;
            }
        }
        return false;
    }

    /** A short, growing pause before trying a start again. */
    static void pauseBeforeRetry(String component, int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted while starting " + component + ".", e);
        }
    }
}
