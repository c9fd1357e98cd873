package com.aegis.marketsim.kis.ws;

import java.util.Optional;

/**
 * Who an approval key (발급된 웹소켓 접속키, from {@code POST /oauth2/Approval}) belongs to. The WebSocket server only
 * needs to know whether a key is valid and for which app key it was issued, since KIS allows one session per app key.
 */
public interface ApprovalKeys {

    /** The app key the approval key was issued for, or empty when the key is unknown, revoked or expired. */
    Optional<String> appKeyFor(String approvalKey);
}
