package com.aegis.core.factors;

/** Why a factor has no value for a stock on a date. */
public enum MissingReason {
    /** No close on or before the scoring date. */
    NO_PRICE,
    /** Fewer closes than the factor's look-back window needs. */
    INSUFFICIENT_PRICE_HISTORY,
    /** Too few days on which both the stock and the index have a close (beta). */
    INSUFFICIENT_INDEX_OVERLAP,
    /** The index did not move over the window, so beta is undefined. */
    ZERO_INDEX_VARIANCE,
    /** No financial statement was published before the scoring date. */
    NO_STATEMENT_PUBLISHED,
    /** The four most recent quarters are not all published, so trailing figures cannot be summed. */
    INCOMPLETE_TRAILING_QUARTERS,
    /** Neither the prior four quarters nor the same quarter a year earlier is published. */
    NO_PRIOR_YEAR,
    /** The latest statement reports no shares outstanding. */
    NO_SHARES_OUTSTANDING,
    /** Trailing net income is zero or negative: a price-earnings ratio of a loss maker has no meaning. */
    NON_POSITIVE_EARNINGS,
    /** Trailing operating cash flow is zero or negative. */
    NON_POSITIVE_CASH_FLOW,
    /** Shareholders' equity is zero or negative (capital impairment): book-based ratios are meaningless. */
    NON_POSITIVE_EQUITY,
    /** Trailing revenue is zero or negative. */
    NON_POSITIVE_REVENUE,
    /** The prior-year base of a growth rate is zero or negative, so the rate has no sign-consistent meaning. */
    NON_POSITIVE_BASE
}
