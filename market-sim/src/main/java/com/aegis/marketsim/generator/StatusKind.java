package com.aegis.marketsim.generator;

/** Trading halts and KRX designations, named as in the instrument_status_event table. */
public enum StatusKind {
    /** 매매거래정지. */
    TRADING_HALT,
    /** 관리종목. */
    ADMINISTRATIVE_ISSUE,
    /** 투자경고. */
    INVESTMENT_WARNING,
    /** 정리매매: the last sessions before delisting. */
    LIQUIDATION_TRADING,
    /** 상장적격성 실질심사. */
    DELISTING_REVIEW
}
