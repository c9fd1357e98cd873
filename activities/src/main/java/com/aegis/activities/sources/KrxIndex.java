package com.aegis.activities.sources;

/** KRX indices by their data.krx.co.kr group ({@code indIdx}) and ticker ({@code indIdx2}). */
public enum KrxIndex {
    KOSPI("1", "001"),
    KOSPI200("1", "028"),
    KOSDAQ("2", "001");

    private final String group;
    private final String ticker;

    KrxIndex(String group, String ticker) {
        this.group = group;
        this.ticker = ticker;
    }

    public String group() {
        return group;
    }

    public String ticker() {
        return ticker;
    }
}
