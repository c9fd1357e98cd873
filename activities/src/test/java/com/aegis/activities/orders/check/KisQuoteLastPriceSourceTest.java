package com.aegis.activities.orders.check;

import static com.aegis.activities.broker.KisExchangeFixture.HYNIX;
import static com.aegis.activities.broker.KisExchangeFixture.SAMSUNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.broker.KisExchangeFixture;
import com.aegis.activities.kis.rest.KisCashOrder;
import com.aegis.activities.kis.rest.KisErrorKind;
import com.aegis.activities.kis.rest.KisException;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.aegis.marketsim.kis.rest.KisFaultPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Last prices from the simulated KIS quotation, with the matching engine trading behind it. */
class KisQuoteLastPriceSourceTest {

    @TempDir
    Path tokens;

    private KisExchangeFixture kis;
    private KisQuoteLastPriceSource prices;

    @BeforeEach
    void start() {
        kis = new KisExchangeFixture(LocalDate.of(2026, 9, 17), tokens);
        prices = new KisQuoteLastPriceSource(kis.client);
    }

    @AfterEach
    void stop() {
        kis.close();
    }

    @Test
    void theLastTradeOrBeforeItThePreviousCloseAndNothingForAStockKisDoesNotKnow() {
        assertThat(prices.lastPrice(SAMSUNG)).contains(10_000L);

        kis.crowd(SAMSUNG, Side.SELL, 10_100, 5);
        kis.client.placeOrder(KisCashOrder.limit(SAMSUNG, Side.BUY, 10_100, 5));
        assertThat(prices.lastPrice(SAMSUNG)).contains(10_100L);

        Symbol unlisted = Symbol.of("000020");
        assertThat(prices.lastPrice(unlisted)).isEmpty();
        assertThat(prices.lastPrices(List.of(SAMSUNG, HYNIX, unlisted)))
                .isEqualTo(Map.of(SAMSUNG, 10_100L, HYNIX, 100_000L));
    }

    @Test
    void aFailedQuotationIsAnErrorNotAMissingPrice() {
        kis.server.setFaultPolicy((operation, time, seq) -> operation.equals("inquire-price")
                ? new FaultDecision(FaultOutcome.ERROR, Duration.ZERO, Duration.ZERO) : FaultDecision.CLEAN);
        assertThatThrownBy(() -> prices.lastPrice(SAMSUNG)).isInstanceOfSatisfying(KisException.class,
                e -> assertThat(e.kind()).isEqualTo(KisErrorKind.SERVER_ERROR));
        kis.server.setFaultPolicy(KisFaultPolicy.none());
        assertThat(prices.lastPrice(SAMSUNG)).contains(10_000L);
    }
}
