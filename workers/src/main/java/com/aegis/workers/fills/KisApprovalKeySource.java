package com.aegis.workers.fills;

/** Issues KIS WebSocket approval keys ({@code POST /oauth2/Approval}); asked on every connection attempt. */
@FunctionalInterface
public interface KisApprovalKeySource {

    String approvalKey();
}
