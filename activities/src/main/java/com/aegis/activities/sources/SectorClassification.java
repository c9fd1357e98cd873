package com.aegis.activities.sources;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;

/** KRX industry of one stock on a day (IDX_IND_NM, e.g. 전기전자), with its close and market cap in KRW. */
public record SectorClassification(Symbol symbol, String name, Market market, String industry, LocalDate tradeDate,
                                   long close, long marketCap) {
}
