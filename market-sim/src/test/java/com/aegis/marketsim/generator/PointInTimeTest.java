package com.aegis.marketsim.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fundamentals, filings and global data carry the dates a backtest needs to avoid look-ahead. */
class PointInTimeTest {

    private final MarketHistory history = GeneratedMarkets.small();

    @Test
    void statementsArePublishedAfterTheQuarterWithinTheLegalDeadline() {
        assertThat(history.statements()).isNotEmpty();
        for (QuarterlyStatement q : history.statements()) {
            LocalDate published = q.publishedAt().toLocalDate();
            long lag = ChronoUnit.DAYS.between(q.periodEnd(), published);
            assertThat(published).as("%s", q).isAfter(q.periodEnd());
            assertThat(lag).as("%s", q).isLessThanOrEqualTo(q.fiscalQuarter() == 4 ? 90 : 45);
            assertThat(q.publishedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
            assertThat(published).isBeforeOrEqualTo(history.config().endDate());
            assertThat(q.periodEnd().getDayOfMonth()).isEqualTo(q.periodEnd().lengthOfMonth());
            assertThat(q.periodEnd().getMonthValue()).isEqualTo(q.fiscalQuarter() * 3);
        }
    }

    @Test
    void everyStockHasStatementsPublishedBeforeTheFirstBar() {
        LocalDate first = history.tradingDays().get(0);
        Set<String> withHistory = new HashSet<>();
        for (QuarterlyStatement q : history.statements()) {
            if (q.publishedAt().toLocalDate().isBefore(first)) {
                withHistory.add(q.symbol().code());
            }
        }
        long commons = history.instruments().stream().filter(i -> i.securityType() == SecurityType.COMMON).count();
        assertThat(withHistory).hasSize((int) commons);
    }

    @Test
    void disclosuresHaveDartReceiptNumbersAndLinkToTheirStatements() {
        Map<String, Disclosure> byReceipt = new HashMap<>();
        for (Disclosure d : history.disclosures()) {
            assertThat(d.rceptNo()).matches("\\d{14}");
            assertThat(d.rceptNo()).startsWith(d.filedAt().toLocalDate().toString().replace("-", ""));
            assertThat(d.filedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
            assertThat(byReceipt.put(d.rceptNo(), d)).as("unique %s", d.rceptNo()).isNull();
            assertThat(d.tone()).isBetween(-1.0, 1.0);
        }
        for (QuarterlyStatement q : history.statements()) {
            Disclosure filing = byReceipt.get(q.rceptNo());
            assertThat(filing).as("filing of %s", q).isNotNull();
            assertThat(filing.type().isPeriodicReport()).isTrue();
            assertThat(filing.filedAt()).isEqualTo(q.publishedAt());
            assertThat(filing.symbol()).isEqualTo(q.symbol());
        }
        assertThat(history.disclosures().stream().map(Disclosure::type).distinct().count())
                .isGreaterThanOrEqualTo(8);
    }

    @Test
    void disclosuresInTheNullMarketPlantNothing() {
        assertThat(GeneratedMarkets.smallNull().disclosures()).allSatisfy(d -> assertThat(d.plantedReturn()).isZero());
        assertThat(history.disclosures().stream().filter(d -> d.plantedReturn() != 0).count()).isPositive();
    }

    @Test
    void globalIndicatorsAreDailyOnWeekdaysForEverySeries() {
        Map<GlobalIndicator, Integer> counts = new HashMap<>();
        for (GlobalObservation g : history.globalObservations()) {
            assertThat(g.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(g.value()).isPositive();
            counts.merge(g.indicator(), 1, Integer::sum);
        }
        assertThat(counts).hasSize(GlobalIndicator.values().length);
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isGreaterThan(750));
    }

    @Test
    void statusEventsHaveOrderedDatesInsideTheHistory() {
        assertThat(history.statusEvents()).isNotEmpty();
        LocalDate first = history.tradingDays().get(0);
        for (StatusEvent e : history.statusEvents()) {
            assertThat(e.effectiveFrom()).isAfterOrEqualTo(first);
            if (e.effectiveTo() != null) {
                assertThat(e.effectiveTo()).isAfterOrEqualTo(e.effectiveFrom());
            }
            history.instrument(e.symbol());
        }
        assertThat(history.statusEvents().stream().map(StatusEvent::kind).distinct())
                .contains(StatusKind.TRADING_HALT, StatusKind.ADMINISTRATIVE_ISSUE, StatusKind.LIQUIDATION_TRADING);
    }
}
