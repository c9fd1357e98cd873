package com.aegis.activities.kis.ws;

import java.util.Optional;

/** What arrives on the real-time socket. */
sealed interface KisFrame {

    /** {@code 0|TR_ID|count|payload} (plain) or {@code 1|TR_ID|count|payload} (AES-encrypted payload). */
    record Data(boolean encrypted, String trId, int recordCount, String payload) implements KisFrame {
    }

    /** A JSON reply to a registration message. {@code key}/{@code iv} are present on a successful registration. */
    record Control(String trId, String trKey, boolean encrypt, String rtCd, String msgCd, String msg1,
                   Optional<String> key, Optional<String> iv) implements KisFrame {

        boolean ok() {
            return "0".equals(rtCd);
        }

        @Override
        public String toString() {
            return "Control[" + trId + ":" + trKey + " rt_cd=" + rtCd + " " + msgCd + " " + msg1 + "]";
        }
    }

    /** The server's keep-alive; the client answers with a pong carrying the same text. */
    record PingPong(String raw) implements KisFrame {
    }
}
