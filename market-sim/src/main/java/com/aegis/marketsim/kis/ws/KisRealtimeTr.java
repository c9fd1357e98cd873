package com.aegis.marketsim.kis.ws;

import java.util.Arrays;
import java.util.Optional;

/** The real-time transactions the simulator serves, with the number of {@code ^}-separated fields per record. */
public enum KisRealtimeTr {
    /** 국내주식 실시간체결가 (KRX): one record per trade. */
    TRADE_TICK("H0STCNT0", 46, false),
    /** 국내주식 실시간호가 (KRX): the 10-level book. */
    ORDER_BOOK("H0STASP0", 59, false),
    /** 국내주식 실시간체결통보, live domain; tr_key is the HTS user id, payload AES-encrypted. */
    FILL_NOTICE_LIVE("H0STCNI0", 26, true),
    /** 국내주식 실시간체결통보, paper-trading domain. */
    FILL_NOTICE_PAPER("H0STCNI9", 26, true);

    private final String trId;
    private final int fieldCount;
    private final boolean encrypted;

    KisRealtimeTr(String trId, int fieldCount, boolean encrypted) {
        this.trId = trId;
        this.fieldCount = fieldCount;
        this.encrypted = encrypted;
    }

    public String trId() {
        return trId;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** True when KIS encrypts this TR's payload (announced as {@code header.encrypt = "Y"}). */
    public boolean encrypted() {
        return encrypted;
    }

    public boolean isFillNotice() {
        return this == FILL_NOTICE_LIVE || this == FILL_NOTICE_PAPER;
    }

    public static Optional<KisRealtimeTr> ofTrId(String trId) {
        return Arrays.stream(values()).filter(tr -> tr.trId.equals(trId)).findFirst();
    }
}
