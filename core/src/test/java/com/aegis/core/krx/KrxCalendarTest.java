package com.aegis.core.krx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrxCalendarTest {

    private final KrxCalendar calendar = KrxCalendar.standard();

    private static List<KrxCalendar.Closure> closures(String... lines) {
        return java.util.Arrays.stream(lines).map(l -> l.split("\t"))
                .map(p -> new KrxCalendar.Closure(LocalDate.parse(p[0]), p[1])).toList();
    }

    @Test
    void weekdayClosuresOf2023AsPublishedByKrx() {
        assertThat(calendar.weekdayClosures(2023)).containsExactlyElementsOf(closures(
                "2023-01-23\tLunar New Year",
                "2023-01-24\tSubstitute holiday (Lunar New Year)",
                "2023-03-01\tIndependence Movement Day",
                "2023-05-01\tLabour Day",
                "2023-05-05\tChildren's Day",
                "2023-05-29\tSubstitute holiday (Buddha's Birthday)",
                "2023-06-06\tMemorial Day",
                "2023-08-15\tLiberation Day",
                "2023-09-28\tChuseok",
                "2023-09-29\tChuseok",
                "2023-10-02\tTemporary public holiday (Chuseok bridge)",
                "2023-10-03\tNational Foundation Day",
                "2023-10-09\tHangul Day",
                "2023-12-25\tChristmas",
                "2023-12-29\tYear-end closing day"));
    }

    @Test
    void weekdayClosuresOf2024AsPublishedByKrx() {
        assertThat(calendar.weekdayClosures(2024)).containsExactlyElementsOf(closures(
                "2024-01-01\tNew Year's Day",
                "2024-02-09\tLunar New Year",
                "2024-02-12\tSubstitute holiday (Lunar New Year)",
                "2024-03-01\tIndependence Movement Day",
                "2024-04-10\tGeneral election day",
                "2024-05-01\tLabour Day",
                "2024-05-06\tSubstitute holiday (Children's Day)",
                "2024-05-15\tBuddha's Birthday",
                "2024-06-06\tMemorial Day",
                "2024-08-15\tLiberation Day",
                "2024-09-16\tChuseok",
                "2024-09-17\tChuseok",
                "2024-09-18\tChuseok",
                "2024-10-01\tArmed Forces Day (temporary public holiday)",
                "2024-10-03\tNational Foundation Day",
                "2024-10-09\tHangul Day",
                "2024-12-25\tChristmas",
                "2024-12-31\tYear-end closing day"));
    }

    @Test
    void weekdayClosuresOf2025AsPublishedByKrx() {
        assertThat(calendar.weekdayClosures(2025)).containsExactlyElementsOf(closures(
                "2025-01-01\tNew Year's Day",
                "2025-01-27\tTemporary public holiday (Lunar New Year bridge)",
                "2025-01-28\tLunar New Year",
                "2025-01-29\tLunar New Year",
                "2025-01-30\tLunar New Year",
                "2025-03-03\tSubstitute holiday (Independence Movement Day)",
                "2025-05-01\tLabour Day",
                "2025-05-05\tBuddha's Birthday / Children's Day",
                "2025-05-06\tSubstitute holiday (Buddha's Birthday / Children's Day)",
                "2025-06-03\tPresidential election day",
                "2025-06-06\tMemorial Day",
                "2025-08-15\tLiberation Day",
                "2025-10-03\tNational Foundation Day",
                "2025-10-06\tChuseok",
                "2025-10-07\tChuseok",
                "2025-10-08\tSubstitute holiday (Chuseok)",
                "2025-10-09\tHangul Day",
                "2025-12-25\tChristmas",
                "2025-12-31\tYear-end closing day"));
    }

    @Test
    void weekdayClosuresOf2026AsPublishedByKrx() {
        assertThat(calendar.weekdayClosures(2026)).containsExactlyElementsOf(closures(
                "2026-01-01\tNew Year's Day",
                "2026-02-16\tLunar New Year",
                "2026-02-17\tLunar New Year",
                "2026-02-18\tLunar New Year",
                "2026-03-02\tSubstitute holiday (Independence Movement Day)",
                "2026-05-01\tLabour Day",
                "2026-05-05\tChildren's Day",
                "2026-05-25\tSubstitute holiday (Buddha's Birthday)",
                "2026-06-03\tLocal election day",
                "2026-08-17\tSubstitute holiday (Liberation Day)",
                "2026-09-24\tChuseok",
                "2026-09-25\tChuseok",
                "2026-10-05\tSubstitute holiday (National Foundation Day)",
                "2026-10-09\tHangul Day",
                "2026-12-25\tChristmas",
                "2026-12-31\tYear-end closing day"));
    }

    @ParameterizedTest(name = "{0}: {1} trading days, {2} weekday closures")
    @CsvSource({
            "2015, 248, 13", "2016, 246, 15", "2017, 243, 17", "2018, 244, 17", "2019, 246, 15",
            "2020, 248, 14", "2021, 248, 13", "2022, 246, 14", "2023, 245, 15", "2024, 244, 18",
            "2025, 242, 19", "2026, 245, 16", "2027, 247, 14"})
    void tradingDaysPerYear(int year, int tradingDays, int weekdayClosures) {
        assertThat(calendar.tradingDays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).hasSize(tradingDays);
        assertThat(calendar.weekdayClosures(year)).hasSize(weekdayClosures);
    }

    @ParameterizedTest(name = "{0} closed: {1}")
    @CsvSource({
            // earlier years, as KRX closed them
            "2015-08-14, Temporary public holiday (70th Liberation Day anniversary)",
            "2015-09-29, Substitute holiday (Chuseok)",
            "2016-05-06, Temporary public holiday",
            "2016-04-13, General election day",
            "2016-12-30, Year-end closing day",
            "2017-01-30, Substitute holiday (Lunar New Year)",
            "2017-05-09, Presidential election day",
            "2017-10-02, Temporary public holiday (Chuseok bridge)",
            "2017-10-03, Chuseok / National Foundation Day",
            "2017-10-06, Substitute holiday (Chuseok)",
            "2017-12-29, Year-end closing day",
            "2018-05-07, Substitute holiday (Children's Day)",
            "2018-06-13, Local election day",
            "2019-05-06, Substitute holiday (Children's Day)",
            "2020-01-27, Substitute holiday (Lunar New Year)",
            "2020-04-15, General election day",
            "2020-08-17, Temporary public holiday",
            "2021-08-16, Substitute holiday (Liberation Day)",
            "2021-10-04, Substitute holiday (National Foundation Day)",
            "2021-10-11, Substitute holiday (Hangul Day)",
            "2022-03-09, Presidential election day",
            "2022-06-01, Local election day",
            "2022-09-12, Substitute holiday (Chuseok)",
            "2022-10-10, Substitute holiday (Hangul Day)",
            "2022-12-30, Year-end closing day",
            "2027-02-09, Substitute holiday (Lunar New Year)",
            "2027-12-27, Substitute holiday (Christmas)",
            // holidays on weekends keep their own name
            "2024-02-10, Lunar New Year",
            "2026-03-01, Independence Movement Day",
            "2024-09-21, Saturday",
            "2024-09-22, Sunday"})
    void closureReasons(LocalDate date, String reason) {
        assertThat(calendar.isTradingDay(date)).isFalse();
        assertThat(calendar.closureReason(date)).contains(reason);
    }

    @ParameterizedTest(name = "{0} is a trading day")
    @CsvSource({
            // substitute rules did not cover these yet, or the rule does not count Saturdays
            "2020-10-05", "2019-09-16", "2021-02-15", "2022-12-26", "2022-05-09", "2021-03-02",
            "2015-03-02", "2016-10-10", "2024-12-30", "2023-12-28", "2025-10-10", "2026-06-08", "2026-09-28",
            "2026-07-17", "2027-05-03", "2027-06-07"})
    void tradingDaysThatLookLikeHolidays(LocalDate date) {
        assertThat(calendar.isTradingDay(date)).isTrue();
        assertThat(calendar.closureReason(date)).isEmpty();
    }

    @ParameterizedTest(name = "after {0} comes {1}")
    @CsvSource({
            "2024-02-08, 2024-02-13",
            "2025-01-24, 2025-01-31",
            "2023-09-27, 2023-10-04",
            "2025-10-02, 2025-10-10",
            "2017-09-29, 2017-10-10",
            "2024-12-30, 2025-01-02",
            "2023-12-28, 2024-01-02",
            "2026-12-30, 2027-01-04",
            "2020-12-30, 2021-01-04",
            "2024-06-05, 2024-06-07",
            "2024-06-07, 2024-06-10",
            "2024-06-08, 2024-06-10"})
    void nextAndPreviousTradingDayAcrossLongHolidaysAndYearEnds(LocalDate before, LocalDate after) {
        assertThat(calendar.nextTradingDay(before)).isEqualTo(after);
        if (calendar.isTradingDay(before)) {
            assertThat(calendar.previousTradingDay(after)).isEqualTo(before);
        }
    }

    @Test
    void firstAndLastTradingDaysOfTheYear() {
        assertThat(calendar.firstTradingDayOfYear(2021)).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(calendar.firstTradingDayOfYear(2023)).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(calendar.lastTradingDayOfYear(2023)).isEqualTo(LocalDate.of(2023, 12, 28));
        assertThat(calendar.lastTradingDayOfYear(2024)).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(calendar.lastTradingDayOfYear(2022)).isEqualTo(LocalDate.of(2022, 12, 29));
        assertThat(calendar.lastTradingDayOfYear(2026)).isEqualTo(LocalDate.of(2026, 12, 30));
    }

    @Test
    void settlementIsTwoTradingDaysLater() {
        assertThat(calendar.settlementDate(LocalDate.of(2023, 12, 27))).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(calendar.settlementDate(LocalDate.of(2024, 6, 5))).isEqualTo(LocalDate.of(2024, 6, 10));
        assertThat(calendar.plusTradingDays(LocalDate.of(2024, 6, 10), -2)).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(calendar.plusTradingDays(LocalDate.of(2024, 6, 10), 0)).isEqualTo(LocalDate.of(2024, 6, 10));
    }

    @Test
    void lastSaturdayOfEachMonth() {
        String[] y2024 = {"2024-01-27", "2024-02-24", "2024-03-30", "2024-04-27", "2024-05-25", "2024-06-29",
                "2024-07-27", "2024-08-31", "2024-09-28", "2024-10-26", "2024-11-30", "2024-12-28"};
        String[] y2026 = {"2026-01-31", "2026-02-28", "2026-03-28", "2026-04-25", "2026-05-30", "2026-06-27",
                "2026-07-25", "2026-08-29", "2026-09-26", "2026-10-31", "2026-11-28", "2026-12-26"};
        for (int m = 1; m <= 12; m++) {
            assertThat(KrxCalendar.lastSaturdayOfMonth(YearMonth.of(2024, m))).isEqualTo(y2024[m - 1]);
            assertThat(KrxCalendar.lastSaturdayOfMonth(YearMonth.of(2026, m))).isEqualTo(y2026[m - 1]);
        }
        for (YearMonth ym = YearMonth.of(2015, 1); !ym.isAfter(YearMonth.of(2027, 12)); ym = ym.plusMonths(1)) {
            LocalDate last = KrxCalendar.lastSaturdayOfMonth(ym);
            assertThat(last.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(YearMonth.from(last)).isEqualTo(ym);
            assertThat(YearMonth.from(last.plusWeeks(1))).isEqualTo(ym.plusMonths(1));
        }
    }

    @Test
    void reportListsWeekdayClosuresOnePerLine() {
        String report = KrxCalendar.weekdayClosuresReport(2024);
        assertThat(report).startsWith("2024-01-01\tNew Year's Day\n2024-02-09\tLunar New Year\n")
                .endsWith("2024-12-25\tChristmas\n2024-12-31\tYear-end closing day\n");
        assertThat(report.lines()).hasSize(18).allMatch(l -> l.matches("2024-\\d\\d-\\d\\d\t\\S.*"));
    }

    @Test
    void datesOutsideTheCoveredYearsAreRefusedWithTheRange() {
        assertThatThrownBy(() -> calendar.isTradingDay(LocalDate.of(2014, 12, 31)))
                .isInstanceOf(OutsideCalendarCoverageException.class)
                .hasMessageContaining("2014-12-31").hasMessageContaining("2015-01-01..2027-12-31");
        assertThatThrownBy(() -> calendar.nextTradingDay(LocalDate.of(2027, 12, 30)))
                .isInstanceOf(OutsideCalendarCoverageException.class).hasMessageContaining("2028-01-01");
        assertThatThrownBy(() -> calendar.previousTradingDay(LocalDate.of(2015, 1, 2)))
                .isInstanceOf(OutsideCalendarCoverageException.class);
        assertThatThrownBy(() -> KrxCalendar.weekdayClosuresReport(2028))
                .isInstanceOf(OutsideCalendarCoverageException.class).hasMessageStartingWith("year 2028 is outside");
        assertThatThrownBy(() -> calendar.tradingDays(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reversed");
    }

    @Test
    void everyDateOfTheRangeIsEitherTradingOrHasAReason() {
        for (LocalDate d = KrxCalendar.FIRST_DATE; !d.isAfter(KrxCalendar.LAST_DATE); d = d.plusDays(1)) {
            assertThat(calendar.isTradingDay(d)).as(d.toString()).isEqualTo(calendar.closureReason(d).isEmpty());
        }
    }
}
