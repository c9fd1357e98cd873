package com.aegis.activities.kis.ws;

/** Where the real-time session stands. */
public enum ConnectionState {
    /** Not started yet. */
    IDLE,
    /** Opening the socket. */
    CONNECTING,
    /** Open; registrations are (re)sent. */
    CONNECTED,
    /** The socket failed or was dropped; waiting before the next attempt. Consumers should use last good data. */
    BACKING_OFF,
    /**
     * The server refused the session itself (approval key unknown, or the app key already has a session). Retrying
     * with the same key cannot help: issue a new approval key or stop the other session, then call connect().
     */
    REFUSED,
    /** Closed by {@link KisRealtimeClient#close()}. */
    CLOSED
}
