package com.aegis.marketsim.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.exchange.AccountId;
import com.aegis.marketsim.exchange.BookLevel;
import com.aegis.marketsim.exchange.BookSnapshot;
import com.aegis.marketsim.exchange.ClientOrderKey;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeOrderId;
import com.aegis.marketsim.exchange.OrderAccepted;
import com.aegis.marketsim.exchange.OrderBookChanged;
import com.aegis.marketsim.exchange.OrderFilled;
import com.aegis.marketsim.exchange.OrderType;
import com.aegis.marketsim.exchange.TradeKind;
import com.aegis.marketsim.exchange.TradePrint;
import com.aegis.marketsim.exchange.TradingState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeRealtimeFeedTest {

    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final AccountId OURS = new AccountId("AEGIS-1");
    private final List<RealtimeTrade> trades = new ArrayList<>();
    private final List<RealtimeBook> books = new ArrayList<>();
    private final List<RealtimeFillNotice> notices = new ArrayList<>();

    private ExchangeRealtimeFeed feed() {
        ExchangeRealtimeFeed feed = new ExchangeRealtimeFeed(
                List.of(new DayPlan(SAMSUNG, Market.KOSPI, true, 70000, 70500, 72000, 69500, 71000, 1_000_000, false)),
                account -> account.equals(OURS) ? Optional.of(new KisAccountLink("hts-user", "5012345601", "홍길동"))
                        : Optional.empty());
        feed.addListener(new RealtimeFeedListener() {
            @Override
            public void onTrades(List<RealtimeTrade> batch) {
                trades.addAll(batch);
            }

            @Override
            public void onBooks(List<RealtimeBook> batch) {
                books.addAll(batch);
            }

            @Override
            public void onFillNotices(List<RealtimeFillNotice> batch) {
                notices.addAll(batch);
            }
        });
        return feed;
    }

    @Test
    void tradePrintsCarryTheDaysRunningStateAndTheLastBook() {
        ExchangeRealtimeFeed feed = feed();
        Instant t0 = Instant.parse("2026-11-24T00:00:00Z");
        feed.onEvent(new OrderBookChanged(1, t0, SAMSUNG, new BookSnapshot(SAMSUNG, t0, TradingState.CONTINUOUS,
                List.of(new BookLevel(70900, 40, 2)), List.of(new BookLevel(71000, 30, 1)), 0, 0)));
        feed.onEvent(new TradePrint(2, t0.plusSeconds(1), SAMSUNG, 1, 70500, 100, null, TradeKind.OPENING_AUCTION,
                100, 7_050_000));
        feed.onEvent(new TradePrint(3, t0.plusSeconds(2), SAMSUNG, 2, 71000, 10, Side.BUY, TradeKind.CONTINUOUS,
                110, 7_760_000));

        assertThat(books).hasSize(1);
        assertThat(books.get(0).askPrices().get(0)).isEqualTo(71000);
        assertThat(books.get(0).bidPrices().get(0)).isEqualTo(70900);
        assertThat(books.get(0).askPrices().get(1)).isZero();
        assertThat(books.get(0).totalAskQuantity()).isEqualTo(30);

        RealtimeTrade last = trades.get(1);
        assertThat(last.time()).isEqualTo(LocalTime.of(9, 0, 2));
        assertThat(last.price()).isEqualTo(71000);
        assertThat(last.change()).isEqualTo(1000);
        assertThat(last.changeSign()).isEqualTo(PriceChangeSign.UP);
        assertThat(last.changeRate()).isEqualByComparingTo(new BigDecimal("1.43"));
        assertThat(last.open()).isEqualTo(70500);
        assertThat(last.high()).isEqualTo(71000);
        assertThat(last.low()).isEqualTo(70500);
        assertThat(last.cumulativeVolume()).isEqualTo(110);
        assertThat(last.buyTradeCount()).isEqualTo(1);
        assertThat(last.tradeSideCode()).isEqualTo("1");
        assertThat(trades.get(0).tradeSideCode()).isEqualTo("3");
        assertThat(last.bestAsk()).isEqualTo(71000);
        assertThat(last.bestBid()).isEqualTo(70900);
    }

    @Test
    void ourOrdersBecomeReceiptAndFillNoticesForTheLinkedHtsId() {
        ExchangeRealtimeFeed feed = feed();
        Instant t0 = Instant.parse("2026-11-24T00:10:00Z");
        ExchangeOrderId id = new ExchangeOrderId(12345);
        feed.onEvent(new OrderAccepted(1, t0, SAMSUNG, id, new ClientOrderKey("k1"), OURS, Side.BUY,
                OrderType.LIMIT, 71000, 10));
        feed.onEvent(new OrderFilled(2, t0.plusSeconds(3), SAMSUNG, id, new ClientOrderKey("k1"), OURS, Side.BUY, 9,
                71000, 10, 10, 0, 106, 0));
        feed.onEvent(new OrderAccepted(3, t0, SAMSUNG, new ExchangeOrderId(999), new ClientOrderKey("crowd"),
                new AccountId("SIM-CROWD"), Side.SELL, OrderType.LIMIT, 71000, 10));

        assertThat(notices).hasSize(2);
        assertThat(notices.get(0).fillFlag()).isEqualTo("1");
        assertThat(notices.get(1).fillFlag()).isEqualTo("2");
        assertThat(notices.get(1).customerId()).isEqualTo("hts-user");
        assertThat(notices.get(1).orderNumber()).isEqualTo("0000012345");
        assertThat(notices.get(1).sideCode()).isEqualTo("02");
        assertThat(notices.get(1).filledQuantity()).isEqualTo(10);
        assertThat(notices.get(1).filledPrice()).isEqualTo(71000);
        assertThat(notices.get(1).orderQuantity()).isEqualTo(10);
        assertThat(notices.get(1).time()).isEqualTo(LocalTime.of(9, 10, 3));
        assertThat(notices.get(1).toString()).doesNotContain("5012345601").doesNotContain("홍길동");
    }
}
