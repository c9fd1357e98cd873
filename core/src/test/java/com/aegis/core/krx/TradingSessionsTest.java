package com.aegis.core.krx;

import static com.aegis.core.krx.SessionPhase.AFTER_HOURS_CLOSING_PRICE;
import static com.aegis.core.krx.SessionPhase.AFTER_HOURS_SINGLE_PRICE;
import static com.aegis.core.krx.SessionPhase.CLOSED;
import static com.aegis.core.krx.SessionPhase.CLOSING_AUCTION;
import static com.aegis.core.krx.SessionPhase.CONTINUOUS;
import static com.aegis.core.krx.SessionPhase.POST_CLOSE;
import static com.aegis.core.krx.SessionPhase.PRE_OPEN_AUCTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingSessionsTest {

    private final KrxCalendar calendar = KrxCalendar.standard();

    @ParameterizedTest(name = "normal day {0} -> {1}")
    @CsvSource({
            "00:00, CLOSED", "08:29, CLOSED", "08:29:59.999, CLOSED",
            "08:30, PRE_OPEN_AUCTION", "08:59, PRE_OPEN_AUCTION", "08:59:59.999, PRE_OPEN_AUCTION",
            "09:00, CONTINUOUS", "15:19, CONTINUOUS", "15:19:59, CONTINUOUS",
            "15:20, CLOSING_AUCTION", "15:29, CLOSING_AUCTION",
            "15:30, POST_CLOSE", "15:39, POST_CLOSE",
            "15:40, AFTER_HOURS_CLOSING_PRICE", "15:59, AFTER_HOURS_CLOSING_PRICE",
            "16:00, AFTER_HOURS_SINGLE_PRICE", "17:59, AFTER_HOURS_SINGLE_PRICE",
            "18:00, CLOSED", "23:59, CLOSED"})
    void normalDayBoundaries(LocalTime time, SessionPhase phase) {
        assertThat(TradingSessions.phaseAt(time)).isEqualTo(phase);
        assertThat(calendar.schedule(LocalDate.of(2024, 6, 5)).phaseAt(time)).isEqualTo(phase);
    }

    @Test
    void everyMinuteOfANormalDayFallsInTheRightPhase() {
        for (int minute = 0; minute < 24 * 60; minute++) {
            LocalTime t = LocalTime.of(minute / 60, minute % 60);
            SessionPhase expected;
            if (minute < 8 * 60 + 30) {
                expected = CLOSED;
            } else if (minute < 9 * 60) {
                expected = PRE_OPEN_AUCTION;
            } else if (minute < 15 * 60 + 20) {
                expected = CONTINUOUS;
            } else if (minute < 15 * 60 + 30) {
                expected = CLOSING_AUCTION;
            } else if (minute < 15 * 60 + 40) {
                expected = POST_CLOSE;
            } else if (minute < 16 * 60) {
                expected = AFTER_HOURS_CLOSING_PRICE;
            } else if (minute < 18 * 60) {
                expected = AFTER_HOURS_SINGLE_PRICE;
            } else {
                expected = CLOSED;
            }
            assertThat(TradingSessions.phaseAt(t)).as("at %s", t).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "CSAT day 2024-11-14 {0} -> {1}")
    @CsvSource({
            "08:30, CLOSED", "09:29, CLOSED", "09:30, PRE_OPEN_AUCTION", "09:59, PRE_OPEN_AUCTION",
            "10:00, CONTINUOUS", "15:30, CONTINUOUS", "16:19, CONTINUOUS", "16:20, CLOSING_AUCTION",
            "16:29, CLOSING_AUCTION", "16:30, POST_CLOSE", "16:39, POST_CLOSE",
            "16:40, AFTER_HOURS_CLOSING_PRICE", "16:59, AFTER_HOURS_CLOSING_PRICE",
            "17:00, AFTER_HOURS_SINGLE_PRICE", "17:59, AFTER_HOURS_SINGLE_PRICE", "18:00, CLOSED"})
    void csatDayRunsOneHourLateAndStillEndsAtSix(LocalTime time, SessionPhase phase) {
        TradingDaySchedule csat = calendar.schedule(LocalDate.of(2024, 11, 14));
        assertThat(csat.description()).startsWith("CSAT day");
        assertThat(csat.phaseAt(time)).isEqualTo(phase);
    }

    @ParameterizedTest(name = "first trading day 2025-01-02 {0} -> {1}")
    @CsvSource({
            "08:30, CLOSED", "09:29, CLOSED", "09:30, PRE_OPEN_AUCTION", "09:59, PRE_OPEN_AUCTION",
            "10:00, CONTINUOUS", "15:19, CONTINUOUS", "15:20, CLOSING_AUCTION", "15:30, POST_CLOSE",
            "15:40, AFTER_HOURS_CLOSING_PRICE", "16:00, AFTER_HOURS_SINGLE_PRICE", "18:00, CLOSED"})
    void firstTradingDayOpensAtTenAndClosesAsUsual(LocalTime time, SessionPhase phase) {
        assertThat(calendar.schedule(LocalDate.of(2025, 1, 2)).phaseAt(time)).isEqualTo(phase);
    }

    @Test
    void specialSchedulesFallOnTheRightDays() {
        assertThat(calendar.schedule(LocalDate.of(2024, 1, 2)).marketOpen()).isEqualTo(LocalTime.of(10, 0));
        assertThat(calendar.schedule(LocalDate.of(2024, 1, 3)).marketOpen()).isEqualTo(LocalTime.of(9, 0));
        // 2021: Jan 1 Friday, first trading day Monday Jan 4
        assertThat(calendar.schedule(LocalDate.of(2021, 1, 4)).marketOpen()).isEqualTo(LocalTime.of(10, 0));
        assertThat(calendar.schedule(LocalDate.of(2026, 1, 2)).marketOpen()).isEqualTo(LocalTime.of(10, 0));
        for (String csat : new String[] {"2015-11-12", "2016-11-17", "2017-11-16", "2017-11-23", "2018-11-15",
                "2019-11-14", "2020-12-03", "2021-11-18", "2022-11-17", "2023-11-16", "2024-11-14", "2025-11-13",
                "2026-11-19"}) {
            TradingDaySchedule s = calendar.schedule(LocalDate.parse(csat));
            assertThat(s.marketOpen()).as(csat).isEqualTo(LocalTime.of(10, 0));
            assertThat(s.marketClose()).as(csat).isEqualTo(LocalTime.of(16, 30));
            assertThat(s.afterHoursEnd()).as(csat).isEqualTo(LocalTime.of(18, 0));
        }
        assertThat(calendar.schedule(LocalDate.of(2024, 11, 15)).marketClose()).isEqualTo(LocalTime.of(15, 30));
    }

    @Test
    void closedDaysAreClosedAllDay() {
        TradingDaySchedule chuseok = calendar.schedule(LocalDate.of(2024, 9, 17));
        assertThat(chuseok.tradingDay()).isFalse();
        assertThat(chuseok.description()).isEqualTo("Chuseok");
        assertThat(chuseok.phaseAt(LocalTime.of(10, 0))).isEqualTo(CLOSED);
        assertThat(chuseok.afterHoursSinglePriceMatchTimes()).isEmpty();
        assertThat(calendar.schedule(LocalDate.of(2024, 9, 21)).description()).isEqualTo("Saturday");
    }

    @Test
    void afterHoursSinglePriceMatchesEveryTenMinutes() {
        assertThat(TradingSessions.regular(LocalDate.of(2024, 6, 5)).afterHoursSinglePriceMatchTimes())
                .hasSize(12)
                .startsWith(LocalTime.of(16, 10), LocalTime.of(16, 20))
                .endsWith(LocalTime.of(18, 0));
        assertThat(calendar.schedule(LocalDate.of(2024, 11, 14)).afterHoursSinglePriceMatchTimes())
                .hasSize(6).startsWith(LocalTime.of(17, 10)).endsWith(LocalTime.of(18, 0));
    }

    @Test
    void scheduleTimesMustIncrease() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TradingDaySchedule(LocalDate.of(2024, 6, 5),
                        true, "broken", LocalTime.of(9, 0), LocalTime.of(8, 30), LocalTime.of(15, 20),
                        LocalTime.of(15, 30), LocalTime.of(15, 40), LocalTime.of(16, 0), LocalTime.of(18, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increase");
    }

    @Test
    void phaseAtAnInstantUsesKoreanTimeAndTheCalendar() {
        // 00:00 UTC = 09:00 KST
        assertThat(calendar.phaseAt(Instant.parse("2024-06-05T00:00:00Z"))).isEqualTo(CONTINUOUS);
        assertThat(calendar.phaseAt(Instant.parse("2024-06-04T23:59:59Z"))).isEqualTo(PRE_OPEN_AUCTION);
        assertThat(calendar.phaseAt(Instant.parse("2024-06-05T06:20:00Z"))).isEqualTo(CLOSING_AUCTION);
        // 2024-06-06 Memorial Day
        assertThat(calendar.phaseAt(Instant.parse("2024-06-06T01:00:00Z"))).isEqualTo(CLOSED);
        // CSAT day 09:30 KST: the regular session has not started
        assertThat(calendar.phaseAt(Instant.parse("2024-11-14T00:30:00Z"))).isEqualTo(PRE_OPEN_AUCTION);
    }
}
