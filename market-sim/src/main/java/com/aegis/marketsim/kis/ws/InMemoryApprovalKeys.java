package com.aegis.marketsim.kis.ws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Approval keys held in memory; the REST approval endpoint (or a test) registers what it issues. */
public final class InMemoryApprovalKeys implements ApprovalKeys {

    private final Map<String, String> appKeyByApprovalKey = new ConcurrentHashMap<>();

    /** Makes {@code approvalKey} valid for {@code appKey}. */
    public void register(String approvalKey, String appKey) {
        Objects.requireNonNull(approvalKey, "approval key");
        Objects.requireNonNull(appKey, "app key");
        if (approvalKey.isBlank() || appKey.isBlank()) {
            throw new IllegalArgumentException("approval key and app key must not be blank");
        }
        appKeyByApprovalKey.put(approvalKey, appKey);
    }

    /** Invalidates {@code approvalKey}; sessions already bound keep running, new messages with it are refused. */
    public void revoke(String approvalKey) {
        appKeyByApprovalKey.remove(approvalKey);
    }

    @Override
    public Optional<String> appKeyFor(String approvalKey) {
        return approvalKey == null ? Optional.empty() : Optional.ofNullable(appKeyByApprovalKey.get(approvalKey));
    }
}
