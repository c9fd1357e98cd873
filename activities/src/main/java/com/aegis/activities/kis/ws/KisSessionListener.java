package com.aegis.activities.kis.ws;

/** Session-level events of {@link KisRealtimeClient}; called on the socket's reader thread, must not block. */
public interface KisSessionListener {

    default void onConnectionState(ConnectionState state, String detail) {
    }

    default void onRegistrationReply(RegistrationReply reply) {
    }

    /** A frame was skipped; {@code problem} says what was wrong with it. */
    default void onMalformedFrame(KisMalformedFrameException problem) {
    }
}
