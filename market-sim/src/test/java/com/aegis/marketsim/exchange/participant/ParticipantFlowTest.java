package com.aegis.marketsim.exchange.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.krx.ViType;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeEvent;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.OrderBookChanged;
import com.aegis.marketsim.exchange.SessionStats;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.aegis.marketsim.exchange.TradeKind;
import com.aegis.marketsim.exchange.TradePrint;
import com.aegis.marketsim.exchange.VolatilityInterruptionTriggered;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParticipantFlowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DayPlan LARGE_CAP = new DayPlan(Symbol.of("005930"), Market.KOSPI, true, 70_000, 70_500,
            72_000, 69_400, 71_200, 300_000, false);
    private static final DayPlan SMALL_CAP = new DayPlan(Symbol.of("035720"), Market.KOSDAQ, false, 4_000, 4_100,
            4_450, 4_050, 4_400, 1_000_000, false);

    private static List<ExchangeEvent> day;
    private static ExchangeSimulator simulator;

    @BeforeAll
    static void runOneDay() {
        simulator = new ExchangeSimulator(SimulationClock.stepped(kst(8, 0)), SimulatorSettings.standard(42));
        day = runDay(simulator);
    }

    private static List<ExchangeEvent> runDay(ExchangeSimulator sim) {
        List<ExchangeEvent> events = new ArrayList<>();
        sim.addListener(events::add);
        sim.openDay(DAY, List.of(LARGE_CAP, SMALL_CAP));
        sim.runUntil(LocalTime.of(15, 40));
        return events;
    }

    private static Instant kst(int h, int m) {
        return ZonedDateTime.of(DAY, LocalTime.of(h, m), KST).toInstant();
    }

    private static List<TradePrint> prints(Symbol symbol) {
        return day.stream().filter(TradePrint.class::isInstance).map(TradePrint.class::cast)
                .filter(p -> p.symbol().equals(symbol)).toList();
    }

    @Test
    void every_trade_stays_within_the_planned_high_and_low_and_reaches_both() {
        for (DayPlan plan : List.of(LARGE_CAP, SMALL_CAP)) {
            List<TradePrint> prints = prints(plan.symbol());
            assertThat(prints).isNotEmpty();
            assertThat(prints).allSatisfy(p -> assertThat(p.price()).isBetween(plan.low(), plan.high()));
            SessionStats stats = simulator.stats(plan.symbol()).orElseThrow();
            long range = plan.high() - plan.low();
            assertThat(stats.high()).as("day high of %s", plan.symbol()).isGreaterThanOrEqualTo(plan.high() - range / 10);
            assertThat(stats.low()).as("day low of %s", plan.symbol()).isLessThanOrEqualTo(plan.low() + range / 10);
        }
    }

    @Test
    void the_auctions_print_the_planned_open_and_close() {
        for (DayPlan plan : List.of(LARGE_CAP, SMALL_CAP)) {
            List<TradePrint> prints = prints(plan.symbol());
            assertThat(prints.get(0).kind()).isEqualTo(TradeKind.OPENING_AUCTION);
            assertThat(prints.get(0).price()).isEqualTo(plan.open());
            TradePrint last = prints.get(prints.size() - 1);
            assertThat(last.kind()).isEqualTo(TradeKind.CLOSING_AUCTION);
            assertThat(last.price()).isEqualTo(plan.close());
        }
    }

    @Test
    void the_day_volume_lands_near_the_planned_volume() {
        for (DayPlan plan : List.of(LARGE_CAP, SMALL_CAP)) {
            long volume = simulator.stats(plan.symbol()).orElseThrow().volume();
            assertThat((double) volume).as("volume of %s", plan.symbol())
                    .isBetween(plan.volume() * 0.9, plan.volume() * 1.1);
        }
    }

    @Test
    void intraday_volume_is_u_shaped() {
        for (DayPlan plan : List.of(LARGE_CAP, SMALL_CAP)) {
            List<TradePrint> continuous = prints(plan.symbol()).stream()
                    .filter(p -> p.kind() == TradeKind.CONTINUOUS).toList();
            double firstHalfHour = perMinute(continuous, kst(9, 0), kst(9, 30));
            double midday = perMinute(continuous, kst(11, 0), kst(14, 0));
            double lastHalfHour = perMinute(continuous, kst(14, 50), kst(15, 20));
            assertThat(firstHalfHour).as("opening volume rate of %s", plan.symbol()).isGreaterThan(1.5 * midday);
            assertThat(lastHalfHour).as("closing volume rate of %s", plan.symbol()).isGreaterThan(1.2 * midday);
        }
    }

    @Test
    void the_book_is_published_through_the_day() {
        long bookChanges = day.stream().filter(OrderBookChanged.class::isInstance).count();
        assertThat(bookChanges).isGreaterThan(5_000);
    }

    @Test
    void the_same_seed_replays_the_same_day_and_another_seed_does_not() {
        ExchangeSimulator again = new ExchangeSimulator(SimulationClock.stepped(kst(8, 0)),
                SimulatorSettings.standard(42));
        List<ExchangeEvent> replay = runDay(again);
        assertThat(replay).isEqualTo(day);

        ExchangeSimulator other = new ExchangeSimulator(SimulationClock.stepped(kst(8, 0)),
                SimulatorSettings.standard(43));
        List<ExchangeEvent> different = runDay(other);
        assertThat(different).isNotEqualTo(day);
    }

    @Test
    void a_fifteen_percent_rally_passes_through_a_static_vi_and_still_ends_on_plan() {
        DayPlan rally = new DayPlan(Symbol.of("000270"), Market.KOSPI, false, 10_000, 10_000, 11_500, 9_900, 11_200,
                400_000, false);
        ExchangeSimulator sim = new ExchangeSimulator(SimulationClock.stepped(kst(8, 0)), SimulatorSettings.standard(7));
        List<ExchangeEvent> events = new ArrayList<>();
        sim.addListener(events::add);
        sim.openDay(DAY, List.of(rally));
        sim.runUntil(LocalTime.of(15, 40));

        List<VolatilityInterruptionTriggered> vis = events.stream()
                .filter(VolatilityInterruptionTriggered.class::isInstance)
                .map(VolatilityInterruptionTriggered.class::cast).toList();
        assertThat(vis).isNotEmpty();
        assertThat(vis.get(0).type()).isEqualTo(ViType.STATIC);
        assertThat(events.stream().filter(TradePrint.class::isInstance).map(TradePrint.class::cast)
                .filter(p -> p.kind() == TradeKind.INTRADAY_AUCTION)).isNotEmpty();
        SessionStats stats = sim.stats(rally.symbol()).orElseThrow();
        assertThat(stats.open()).isEqualTo(rally.open());
        assertThat(stats.last()).isEqualTo(rally.close());
        assertThat(stats.high()).isLessThanOrEqualTo(rally.high());
        assertThat(stats.low()).isGreaterThanOrEqualTo(rally.low());
        assertThat((double) stats.volume()).isBetween(rally.volume() * 0.85, rally.volume() * 1.15);
    }

    private static double perMinute(List<TradePrint> prints, Instant from, Instant to) {
        long volume = prints.stream().filter(p -> !p.time().isBefore(from) && p.time().isBefore(to))
                .mapToLong(TradePrint::quantity).sum();
        return volume / (double) java.time.Duration.between(from, to).toMinutes();
    }
}
