package com.aegis.activities.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.aegis.marketsim.kis.ws.RealtimeFaultHook;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KisRealtimeClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private SimulatedKisRealtime kis = new SimulatedKisRealtime();
    private final List<KisRealtimeClient> clients = new CopyOnWriteArrayList<>();
    private final List<KisTradeTick> ticks = new CopyOnWriteArrayList<>();
    private final List<KisOrderBook> books = new CopyOnWriteArrayList<>();
    private final List<KisFillNotice> fills = new CopyOnWriteArrayList<>();
    private final List<RegistrationReply> replies = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(KisRealtimeClient::close);
        kis.close();
    }

    private KisRealtimeClient connected(String approvalKey) {
        KisRealtimeClient client = kis.client(approvalKey);
        clients.add(client);
        client.addTradeListener(ticks::add);
        client.addOrderBookListener(books::add);
        client.addFillNoticeListener(fills::add);
        client.addSessionListener(new KisSessionListener() {
            @Override
            public void onConnectionState(ConnectionState state, String detail) {
                states.add(state);
            }

            @Override
            public void onRegistrationReply(RegistrationReply reply) {
                replies.add(reply);
            }

            @Override
            public void onMalformedFrame(KisMalformedFrameException problem) {
                problems.add(problem.getMessage());
            }
        });
        client.connect();
        await().atMost(WAIT).until(() -> client.state() == ConnectionState.CONNECTED);
        return client;
    }

    private KisRealtimeClient connected() {
        return connected(SimulatedKisRealtime.APPROVAL_KEY);
    }

    private void awaitAccepted(int count) {
        await().atMost(WAIT).until(() -> replies.stream().filter(RegistrationReply::accepted).count() >= count);
    }

    @Test
    void ticksAndBooksAreDecodedFieldByField() {
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        client.subscribe(KisRealtimeTr.ORDER_BOOK, "005930");
        awaitAccepted(2);

        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 71000));
        kis.feed.publishBooks(SimulatedKisRealtime.book("005930"));
        await().atMost(WAIT).until(() -> ticks.size() == 1 && books.size() == 1);

        KisTradeTick t = ticks.get(0);
        assertThat(t.symbol()).isEqualTo(Symbol.of("005930"));
        assertThat(t.time()).isEqualTo(LocalTime.of(9, 30, 15));
        assertThat(t.price()).isEqualTo(71000);
        assertThat(t.changeSign()).isEqualTo(PriceChangeSign.UP);
        assertThat(t.change()).isEqualTo(500);
        assertThat(t.changeRate()).isEqualByComparingTo("0.71");
        assertThat(t.weightedAveragePrice()).isEqualByComparingTo("70950.25");
        assertThat(List.of(t.open(), t.high(), t.low(), t.bestAsk(), t.bestBid()))
                .containsExactly(70500L, 71200L, 70400L, 71100L, 71000L);
        assertThat(List.of(t.tradeVolume(), t.cumulativeVolume(), t.cumulativeValue(), t.sellTradeCount(),
                t.buyTradeCount(), t.netBuyTradeCount())).containsExactly(12L, 345678L, 24555000000L, 1200L, 1500L,
                300L);
        assertThat(t.tradeStrength()).isEqualByComparingTo("125.00");
        assertThat(List.of(t.totalSellVolume(), t.totalBuyVolume())).containsExactly(150000L, 195678L);
        assertThat(t.initiator()).isEqualTo(TradeInitiator.BUYER);
        assertThat(t.buyRatio()).isEqualByComparingTo("56.60");
        assertThat(t.volumeRateVersusPreviousDay()).isEqualByComparingTo("88.12");
        assertThat(t.openTime()).isEqualTo(LocalTime.of(9, 0, 1));
        assertThat(t.openChangeSign()).isEqualTo(PriceChangeSign.UP);
        assertThat(t.openChange()).isEqualTo(500);
        assertThat(t.highTime()).isEqualTo(LocalTime.of(9, 20));
        assertThat(t.highChangeSign()).isEqualTo(PriceChangeSign.DOWN);
        assertThat(t.highChange()).isEqualTo(-200);
        assertThat(t.lowTime()).isEqualTo(LocalTime.of(9, 5, 30));
        assertThat(t.lowChange()).isEqualTo(600);
        assertThat(t.businessDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(t.marketOperationCode()).isEqualTo("20");
        assertThat(t.halted()).isFalse();
        assertThat(List.of(t.bestAskQuantity(), t.bestBidQuantity(), t.totalAskQuantity(), t.totalBidQuantity()))
                .containsExactly(3300L, 4400L, 250000L, 310000L);
        assertThat(t.volumeTurnover()).isEqualByComparingTo("0.06");
        assertThat(t.previousDaySameTimeVolume()).isEqualTo(300000);
        assertThat(t.previousDaySameTimeVolumeRate()).isEqualByComparingTo("115.22");
        assertThat(t.hourClassCode()).isEqualTo("0");
        assertThat(t.arbitraryCloseCode()).isEqualTo("0");
        assertThat(t.viStandardPrice()).isEqualTo(70000);

        KisOrderBook b = books.get(0);
        assertThat(b.symbol()).isEqualTo(Symbol.of("005930"));
        assertThat(b.time()).isEqualTo(LocalTime.of(9, 30, 16));
        assertThat(b.hourClassCode()).isEqualTo("0");
        assertThat(b.bestAsk()).isEqualTo(new QuoteLevel(71100, 11));
        assertThat(b.bestBid()).isEqualTo(new QuoteLevel(71000, 21));
        assertThat(b.asks().get(9)).isEqualTo(new QuoteLevel(72000, 20));
        assertThat(b.bids().get(9)).isEqualTo(new QuoteLevel(70100, 30));
        assertThat(List.of(b.totalAskQuantity(), b.totalBidQuantity(), b.afterHoursTotalAskQuantity(),
                b.afterHoursTotalBidQuantity(), b.expectedPrice(), b.expectedQuantity(), b.expectedVolume(),
                b.expectedChange())).containsExactly(155L, 255L, 1L, 2L, 71050L, 900L, 950L, 1050L);
        assertThat(b.expectedChangeSign()).isEqualTo(PriceChangeSign.UP);
        assertThat(b.expectedChangeRate()).isEqualByComparingTo("1.50");
        assertThat(List.of(b.cumulativeVolume(), b.totalAskQuantityChange(), b.totalBidQuantityChange(),
                b.afterHoursTotalAskChange(), b.afterHoursTotalBidChange())).containsExactly(345678L, -5L, 7L, 3L,
                -4L);
        assertThat(b.dealClassCode()).isEqualTo("0");
    }

    @Test
    void severalRecordsInOneFrameAreDeliveredInOrder() {
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        awaitAccepted(1);
        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 71000), SimulatedKisRealtime.trade("005930", 71100),
                SimulatedKisRealtime.trade("005930", 71200));
        await().atMost(WAIT).until(() -> ticks.size() == 3);
        assertThat(ticks).extracting(KisTradeTick::price).containsExactly(71000L, 71100L, 71200L);
        assertThat(client.framesReceived()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theFortyFirstRegistrationIsRefusedBeforeItLeavesTheClient() {
        KisRealtimeClient client = connected();
        for (int i = 0; i < 20; i++) {
            String symbol = String.format("%06d", i);
            client.subscribe(Registration.tradeTicks(symbol));
            client.subscribe(Registration.orderBook(symbol));
        }
        awaitAccepted(40);
        assertThatThrownBy(() -> client.subscribe(KisRealtimeTr.TRADE_TICK, "005930"))
                .isInstanceOf(RegistrationLimitExceededException.class)
                .hasMessageContaining("40 of 40");
        assertThat(kis.server.registrationsOf(SimulatedKisRealtime.APP_KEY)).hasSize(40);
        assertThat(client.registrations()).hasSize(40);
    }

    @Test
    void aRegistrationTheServerRefusesIsReportedAndDropped() {
        kis.close();
        kis = new SimulatedKisRealtime(settings -> settings.withMaxRegistrations(1));
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        client.subscribe(KisRealtimeTr.TRADE_TICK, "000660");
        await().atMost(WAIT).until(() -> replies.size() == 2);
        RegistrationReply refused = replies.stream().filter(r -> !r.accepted()).findFirst().orElseThrow();
        assertThat(refused.registration()).isEqualTo(Registration.tradeTicks("000660"));
        assertThat(refused.messageCode()).isEqualTo("OPSP0008");
        assertThat(refused.message()).isEqualTo("MAX SUBSCRIBE OVER");
        assertThat(client.registrations()).containsExactly(Registration.tradeTicks("005930"));
    }

    @Test
    void fillNoticesAreDecryptedWithTheSubscriptionKey() {
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.FILL_NOTICE_PAPER, "hts-user");
        awaitAccepted(1);
        kis.feed.publishFillNotices(SimulatedKisRealtime.fill("hts-user", "005930"));
        await().atMost(WAIT).until(() -> fills.size() == 1);

        KisFillNotice f = fills.get(0);
        assertThat(f.customerId()).isEqualTo("hts-user");
        assertThat(f.accountNumber()).isEqualTo("5012345601");
        assertThat(f.orderNumber()).isEqualTo("0000012345");
        assertThat(f.orderQuantity()).isEqualTo(10);
        assertThat(f.side()).isEqualTo(Side.BUY);
        assertThat(f.symbol()).isEqualTo(Symbol.of("005930"));
        assertThat(f.filledQuantity()).isEqualTo(7);
        assertThat(f.filledPrice()).isEqualTo(71000);
        assertThat(f.time()).isEqualTo(LocalTime.of(9, 31, 2));
        assertThat(f.refused()).isFalse();
        assertThat(f.kind()).isEqualTo(KisFillNotice.Kind.FILL);
        assertThat(f.acceptanceCode()).isEqualTo("2");
        assertThat(f.branchNumber()).isEqualTo("00950");
        assertThat(f.accountName()).isEqualTo("홍길동");
        assertThat(f.exchangeCode()).isEqualTo("1");
        assertThat(f.instrumentName40()).isEqualTo("삼성전자");
        assertThat(f.orderPrice()).isEqualTo(71000);
        assertThat(f.toString()).doesNotContain("5012345601").doesNotContain("홍길동");
    }

    @Test
    void aDroppedConnectionIsRestoredAndEveryRegistrationSentAgain() {
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        client.subscribe(KisRealtimeTr.ORDER_BOOK, "005930");
        awaitAccepted(2);

        kis.server.dropAllConnections();
        await().atMost(WAIT).until(() -> client.reconnects() == 1 && client.state() == ConnectionState.CONNECTED);
        await().atMost(WAIT).until(() -> kis.server.registrationsOf(SimulatedKisRealtime.APP_KEY).size() == 2);
        awaitAccepted(4);
        assertThat(states).contains(ConnectionState.BACKING_OFF);

        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 72000));
        await().atMost(WAIT).until(() -> ticks.size() == 1);
        assertThat(ticks.get(0).price()).isEqualTo(72000);
    }

    @Test
    void aSecondSessionWithTheSameAppKeyIsRefusedAndTheFirstKeepsItsData() {
        KisRealtimeClient first = connected();
        first.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        awaitAccepted(1);

        KisRealtimeClient second = connected(SimulatedKisRealtime.SECOND_APPROVAL_KEY);
        second.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        await().atMost(WAIT).until(() -> second.state() == ConnectionState.REFUSED);

        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 71000));
        await().atMost(WAIT).until(() -> ticks.size() == 1);
        assertThat(first.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aSessionStillHeldByTheServerIsRetriedUntilItIsReleased() {
        KisRealtimeClient first = connected();
        first.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        awaitAccepted(1);

        KisRealtimeClient second = kis.client(SimulatedKisRealtime.SECOND_APPROVAL_KEY);
        clients.add(second);
        List<String> secondDetails = new CopyOnWriteArrayList<>();
        List<KisTradeTick> secondTicks = new CopyOnWriteArrayList<>();
        second.addTradeListener(secondTicks::add);
        second.addSessionListener(new KisSessionListener() {
            @Override
            public void onConnectionState(ConnectionState state, String detail) {
                secondDetails.add(state + " " + detail);
            }
        });
        second.subscribe(KisRealtimeTr.TRADE_TICK, "000660");
        second.connect();
        await().atMost(WAIT).until(() -> secondDetails.stream().anyMatch(d -> d.contains("OPSP8996")));
        first.close();

        await().atMost(WAIT).until(() -> kis.server.registrationsOf(SimulatedKisRealtime.APP_KEY)
                .equals(List.of("H0STCNT0:000660")));
        kis.feed.publishTrades(SimulatedKisRealtime.trade("000660", 150000));
        await().atMost(WAIT).until(() -> secondTicks.size() == 1);
        assertThat(second.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anUnknownApprovalKeyRefusesTheSession() {
        KisRealtimeClient client = connected("not-issued-key");
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        await().atMost(WAIT).until(() -> client.state() == ConnectionState.REFUSED);
    }

    @Test
    void garbageFramesAreCountedAndSkippedWithoutStoppingTheReader() {
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        awaitAccepted(1);

        kis.server.sendRawToAll("garbage");
        kis.server.sendRawToAll("0|H0STCNT0|001|005930^093015");
        kis.server.sendRawToAll("0|H0STCNT0|0x1|005930");
        kis.server.sendRawToAll("1|H0STCNI0|001|bm90IGVuY3J5cHRlZA==");
        kis.server.sendRawToAll("{\"header\":{");
        kis.server.sendRawToAll(SimulatedKisRealtime.tradeFrameWithBadPrice());
        kis.server.setFaultHook((tr, key, seq) -> seq == 1
                ? new FaultDecision(FaultOutcome.MALFORMED, Duration.ZERO, Duration.ZERO) : FaultDecision.CLEAN);
        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 70000));
        kis.server.setFaultHook(RealtimeFaultHook.none());
        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 71000));

        await().atMost(WAIT).until(() -> ticks.size() == 1);
        assertThat(ticks.get(0).price()).isEqualTo(71000);
        assertThat(client.malformedFrames()).isEqualTo(7);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("neither a data frame"))
                .anySatisfy(p -> assertThat(p).contains("announces 1 record(s) of 46 fields but carries 2"))
                .anySatisfy(p -> assertThat(p).contains("record count"))
                .anySatisfy(p -> assertThat(p).contains("no subscription reply"))
                .anySatisfy(p -> assertThat(p).contains("not valid JSON"))
                .anySatisfy(p -> assertThat(p).contains("field 3 STCK_PRPR: 'abc' is not a whole number"));
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void pingPongsAreAnswered() {
        KisRealtimeClient client = connected();
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        awaitAccepted(1);
        kis.server.sendPingPongNow();
        await().atMost(WAIT).until(() -> kis.server.pingPongAnswers() >= 1);
        assertThat(client.pingPongsAnswered()).isGreaterThanOrEqualTo(1);
        assertThat(client.malformedFrames()).isZero();
    }

    @Test
    void listenerFailuresDoNotStopDelivery() {
        KisRealtimeClient client = connected();
        client.addTradeListener(tick -> {
            throw new IllegalStateException("consumer bug");
        });
        client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
        awaitAccepted(1);
        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 71000));
        kis.feed.publishTrades(SimulatedKisRealtime.trade("005930", 71100));
        await().atMost(WAIT).until(() -> ticks.size() == 2);
        assertThat(client.listenerFailures()).isEqualTo(2);
    }

    @Test
    void secretsNeverReachTheLogs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            KisRealtimeClient client = connected();
            client.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
            client.subscribe(KisRealtimeTr.FILL_NOTICE_LIVE, "hts-user");
            awaitAccepted(2);
            kis.feed.publishFillNotices(SimulatedKisRealtime.fill("hts-user", "005930"));
            await().atMost(WAIT).until(() -> fills.size() == 1);
            kis.server.dropAllConnections();
            await().atMost(WAIT).until(() -> client.reconnects() == 1);
            KisRealtimeClient second = connected(SimulatedKisRealtime.SECOND_APPROVAL_KEY);
            second.subscribe(KisRealtimeTr.TRADE_TICK, "005930");
            await().atMost(WAIT).until(() -> second.state() == ConnectionState.REFUSED);
        } finally {
            root.detachAppender(appender);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(SimulatedKisRealtime.APPROVAL_KEY)
                .doesNotContain(SimulatedKisRealtime.SECOND_APPROVAL_KEY)
                .doesNotContain(SimulatedKisRealtime.APP_KEY)
                .doesNotContain("5012345601"));
    }
}
