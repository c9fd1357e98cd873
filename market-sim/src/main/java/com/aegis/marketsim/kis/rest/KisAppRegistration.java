package com.aegis.marketsim.kis.rest;

import java.util.Objects;

/** An app registered with the simulated KIS service: its app key and secret and the account it trades. */
public record KisAppRegistration(String appKey, String appSecret, KisAccount account) {

    public KisAppRegistration {
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(account, "account");
    }

    @Override
    public String toString() {
        return "KisAppRegistration[appKey=***, appSecret=***, account=" + account + "]";
    }
}
