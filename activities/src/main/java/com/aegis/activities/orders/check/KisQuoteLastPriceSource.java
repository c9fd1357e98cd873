package com.aegis.activities.orders.check;

import com.aegis.activities.kis.rest.KisErrorKind;
import com.aegis.activities.kis.rest.KisException;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.core.market.Symbol;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last price as KIS quotes it now (inquire-price, {@code stck_prpr}): today's last trade, or before the first
 * trade the previous close. A stock KIS does not know (a business refusal such as an unknown symbol) has no price;
 * transport, server and protocol failures are thrown, since they say nothing about the stock.
 */
public final class KisQuoteLastPriceSource implements LastPriceSource {

    private static final Logger log = LoggerFactory.getLogger(KisQuoteLastPriceSource.class);

    private final KisRestClient kis;

    public KisQuoteLastPriceSource(KisRestClient kis) {
        this.kis = Objects.requireNonNull(kis, "kis");
    }

    @Override
    public Optional<Long> lastPrice(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        try {
            long price = kis.inquirePrice(symbol).price();
            return price > 0 ? Optional.of(price) : Optional.empty();
        } catch (KisException e) {
            if (e.kind() != KisErrorKind.BUSINESS_REJECTION) {
                throw e;
            }
            log.info("KIS has no quotation of {}: {}", symbol, e.code());
            return Optional.empty();
        }
    }
}
