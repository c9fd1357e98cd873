package com.aegis.core.market;

/** The KRX equity market a security is listed on; rules such as price limits and taxes differ by market. */
public enum Market {
    /** Main board (유가증권시장). */
    KOSPI,
    /** Growth board (코스닥시장). */
    KOSDAQ,
    /** Start-up board (코넥스시장). */
    KONEX
}
