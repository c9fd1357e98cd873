/**
 * Identifiers of the Korean cash equity market: the listing {@link com.aegis.core.market.Market}, the 6-digit
 * KRX short code {@link com.aegis.core.market.Symbol} and the order {@link com.aegis.core.market.Side}.
 */
package com.aegis.core.market;
