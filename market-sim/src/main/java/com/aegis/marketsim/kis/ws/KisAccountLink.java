package com.aegis.marketsim.kis.ws;

import java.util.Objects;

/**
 * How an exchange account appears in KIS fill notices: the HTS id the notices are routed by (the subscriber's
 * tr_key), the account number and the holder's name.
 */
public record KisAccountLink(String htsId, String accountNumber, String accountName) {

    public KisAccountLink {
        Objects.requireNonNull(htsId, "htsId");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(accountName, "accountName");
    }

    /** Account numbers and names stay out of logs. */
    @Override
    public String toString() {
        return "KisAccountLink[htsId=" + htsId + ", account=***]";
    }
}
