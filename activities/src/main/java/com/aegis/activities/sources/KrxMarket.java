package com.aegis.activities.sources;

import com.aegis.core.market.Market;

/** KRX market selector ({@code mktId}). */
public enum KrxMarket {
    STK, KSQ, KNX, ALL;

    static Market market(String mktId, String source) {
        return switch (mktId) {
            case "STK" -> Market.KOSPI;
            case "KSQ" -> Market.KOSDAQ;
            case "KNX" -> Market.KONEX;
            default -> throw new SourceProtocolException(source, "unknown MKT_ID '" + mktId + "'");
        };
    }

    static Market marketByName(String name, String source) {
        return switch (name) {
            case "KOSPI" -> Market.KOSPI;
            case "KOSDAQ", "KOSDAQ GLOBAL" -> Market.KOSDAQ;
            case "KONEX" -> Market.KONEX;
            default -> throw new SourceProtocolException(source, "unknown market name '" + name + "'");
        };
    }
}
