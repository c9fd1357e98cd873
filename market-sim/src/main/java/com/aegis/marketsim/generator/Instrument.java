package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One KRX listing of the synthetic universe.
 *
 * @param symbol       6-digit short code
 * @param isin         12-character ISIN (KR7 + code + 00/05 + check digit)
 * @param corpCode     8-digit OpenDART company code
 * @param name         Korean company name (preferred shares carry the suffix 우)
 * @param nameEn       romanised English name
 * @param market       KOSPI, KOSDAQ or KONEX
 * @param securityType common or preferred
 * @param sectorCode   {@link SectorDef#code()}
 * @param listedShares shares listed; constant over the history, so market cap = close x listedShares
 * @param parValue     par value per share in KRW
 * @param listedOn     listing date (before the history for most stocks, inside it for new listings)
 * @param delistedOn   delisting date (no bars on or after it), null while still listed
 * @param kospi200     member of the KOSPI 200 at the end of the history
 */
public record Instrument(Symbol symbol, String isin, String corpCode, String name, String nameEn, Market market,
                         SecurityType securityType, String sectorCode, long listedShares, long parValue,
                         LocalDate listedOn, LocalDate delistedOn, boolean kospi200) {
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(listedOn, "listedOn");
        if (listedShares <= 0) {
            throw new IllegalArgumentException("listedShares must be positive for " + symbol + ", got " + listedShares);
        }
        if (delistedOn != null && !delistedOn.isAfter(listedOn)) {
            throw new IllegalArgumentException("delistedOn " + delistedOn + " must be after listedOn " + listedOn
                    + " for " + symbol);
        }
    }

    public Optional<LocalDate> delisting() {
        return Optional.ofNullable(delistedOn);
    }

    /** True if the stock is listed on that date (listing day included, delisting day excluded). */
    public boolean isListedOn(LocalDate date) {
        return !date.isBefore(listedOn) && (delistedOn == null || date.isBefore(delistedOn));
    }
}
