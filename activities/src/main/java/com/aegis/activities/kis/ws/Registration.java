package com.aegis.activities.kis.ws;

import java.util.Objects;

/** One real-time registration (실시간 등록): a TR and its key. KIS counts every one against the 40 per session. */
public record Registration(KisRealtimeTr tr, String trKey) {

    public Registration {
        Objects.requireNonNull(tr, "tr");
        Objects.requireNonNull(trKey, "trKey");
        if (tr.isFillNotice()) {
            if (trKey.isBlank() || trKey.length() > 16) {
                throw new IllegalArgumentException(tr.trId() + " needs the HTS user id as tr_key (1-16 characters),"
                        + " got '" + trKey + "'");
            }
        } else if (trKey.length() != 6 || !trKey.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(tr.trId() + " needs a 6-digit KRX short code as tr_key, got '"
                    + trKey + "'");
        }
    }

    public static Registration tradeTicks(String symbol) {
        return new Registration(KisRealtimeTr.TRADE_TICK, symbol);
    }

    public static Registration orderBook(String symbol) {
        return new Registration(KisRealtimeTr.ORDER_BOOK, symbol);
    }

    @Override
    public String toString() {
        return tr.trId() + ":" + trKey;
    }
}
