package com.aegis.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BatchCalendarRuleTest {

    private static Instant kst(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BatchCalendarRule.SEOUL).toInstant();
    }

    @Test
    void dailyFiresAtTheSeoulTimeNextAfterTheInstant() {
        BatchCalendarRule preOpen = BatchCalendarRule.daily(LocalTime.of(8, 30));
        assertThat(preOpen.nextFireAfter(kst("2026-11-30T08:29:59")))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 8, 30, 0, 0, BatchCalendarRule.SEOUL));
        // Exactly at the fire time the next one is tomorrow's.
        assertThat(preOpen.nextFireAfter(kst("2026-11-30T08:30:00")).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        // 23:30 UTC on the 29th is 08:30 KST on the 30th.
        assertThat(preOpen.nextFireAfter(Instant.parse("2026-11-29T23:29:00Z")).toInstant())
                .isEqualTo(Instant.parse("2026-11-29T23:30:00Z"));
    }

    @Test
    void weeklyFiresOnSaturdayAtTwo() {
        BatchCalendarRule weekly = BatchCalendarRule.weekly(DayOfWeek.SATURDAY, LocalTime.of(2, 0));
        assertThat(weekly.nextFireAfter(kst("2026-11-30T10:00:00")))
                .isEqualTo(ZonedDateTime.of(2026, 12, 5, 2, 0, 0, 0, BatchCalendarRule.SEOUL));
    }

    @Test
    void monthlyFiresOnTheLastSaturdayOnly() {
        BatchCalendarRule monthly = BatchCalendarRule.lastOfMonth(DayOfWeek.SATURDAY, LocalTime.of(4, 0));
        assertThat(monthly.nextFireAfter(kst("2026-11-01T00:00:00")).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(monthly.nextFireAfter(kst("2026-11-28T04:00:00")).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 26));
        // January 2027 ends on a Sunday: its last Saturday is the 30th.
        assertThat(monthly.nextFireAfter(kst("2026-12-27T00:00:00")).toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(monthly.fires(LocalDate.of(2026, 11, 21))).isFalse();
    }

    @Test
    void weeklyRuleWithoutADayIsRejected() {
        assertThatThrownBy(() -> new BatchCalendarRule(BatchCalendarRule.Frequency.WEEKLY, null, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("day of week");
    }
}
