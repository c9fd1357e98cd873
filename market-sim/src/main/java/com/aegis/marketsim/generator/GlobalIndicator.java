package com.aegis.marketsim.generator;

/** Global series the generator produces, with their Yahoo Finance tickers. */
public enum GlobalIndicator {
    SP500("^GSPC", "S&P 500", "EQUITY_INDEX", "USD"),
    NASDAQ_COMPOSITE("^IXIC", "NASDAQ Composite", "EQUITY_INDEX", "USD"),
    USD_KRW("KRW=X", "USD/KRW", "FX", "KRW"),
    US_10Y_YIELD("^TNX", "US 10-year Treasury yield (%)", "RATE", "USD"),
    WTI_CRUDE("CL=F", "WTI crude oil", "COMMODITY", "USD"),
    VIX("^VIX", "CBOE Volatility Index", "VOLATILITY", "USD");

    private final String code;
    private final String displayName;
    private final String kind;
    private final String currency;

    GlobalIndicator(String code, String displayName, String kind, String currency) {
        this.code = code;
        this.displayName = displayName;
        this.kind = kind;
        this.currency = currency;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** EQUITY_INDEX, FX, COMMODITY, RATE or VOLATILITY. */
    public String kind() {
        return kind;
    }

    public String currency() {
        return currency;
    }

    public static GlobalIndicator ofCode(String code) {
        for (GlobalIndicator g : values()) {
            if (g.code.equals(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown global indicator code '" + code + "'");
    }
}
