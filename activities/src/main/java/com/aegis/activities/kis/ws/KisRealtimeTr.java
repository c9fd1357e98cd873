package com.aegis.activities.kis.ws;

import java.util.Arrays;
import java.util.Optional;

/** The real-time transactions the adapter understands, with their field count per record. */
public enum KisRealtimeTr {
    /** 국내주식 실시간체결가 (KRX); tr_key is the 6-digit short code. */
    TRADE_TICK("H0STCNT0", 46),
    /** 국내주식 실시간호가 (KRX); tr_key is the 6-digit short code. */
    ORDER_BOOK("H0STASP0", 59),
    /** 국내주식 실시간체결통보 on the live domain; tr_key is the HTS user id; payload AES-256-CBC encrypted. */
    FILL_NOTICE_LIVE("H0STCNI0", 26),
    /** The same on the paper-trading domain. */
    FILL_NOTICE_PAPER("H0STCNI9", 26);

    private final String trId;
    private final int fieldCount;

    KisRealtimeTr(String trId, int fieldCount) {
        this.trId = trId;
        this.fieldCount = fieldCount;
    }

    public String trId() {
        return trId;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public boolean isFillNotice() {
        return this == FILL_NOTICE_LIVE || this == FILL_NOTICE_PAPER;
    }

    public static Optional<KisRealtimeTr> ofTrId(String trId) {
        return Arrays.stream(values()).filter(tr -> tr.trId.equals(trId)).findFirst();
    }
}
