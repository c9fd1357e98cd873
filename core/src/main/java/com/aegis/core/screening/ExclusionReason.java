package com.aegis.core.screening;

/** Why the screener left a stock out, in the order the rules are checked. */
public enum ExclusionReason {
    /** Trading is suspended (거래정지): the stock cannot be bought or sold today. */
    HALTED,
    /** Designated an administrative-issue stock (관리종목): delisting risk. */
    ADMINISTRATIVE_DESIGNATION,
    /** Fewer sessions of traded value than the averaging window needs (e.g. listed last week). */
    INSUFFICIENT_TRADING_HISTORY,
    /** Average daily traded value not above the liquidity threshold. */
    LOW_TRADED_VALUE,
    /** Market capitalisation not above the size threshold. */
    SMALL_MARKET_CAP,
    /** Passed every rule, but more stocks did than the output allows and this one is less liquid than those kept. */
    BELOW_LIQUIDITY_RANK
}
