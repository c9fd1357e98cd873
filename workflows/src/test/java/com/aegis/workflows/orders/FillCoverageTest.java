package com.aegis.workflows.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillCoverageTest {

    private static final Instant AT = Instant.parse("2026-11-20T01:00:00Z");
    private final FillCoverage coverage = new FillCoverage("order-1");

    private static FillNotice notice(long price, long quantity, long cumulative) {
        return FillNotice.of("0000000007", price, quantity, cumulative, AT);
    }

    private static long value(List<FillCoverage.Slice> slices) {
        return slices.stream().mapToLong(s -> s.price() * s.quantity()).sum();
    }

    @Test
    void noticesApplyOnceEvenWhenRedelivered() {
        assertThat(coverage.notice(notice(70_000, 30, 30))).containsExactly(
                new FillCoverage.Slice("order-1/0000000007-c30", 70_000, 30));
        assertThat(coverage.notice(notice(70_000, 30, 30))).isEmpty();
        assertThat(coverage.notice(notice(70_100, 20, 50))).hasSize(1);
        assertThat(coverage.covered("0000000007")).isEqualTo(50);
    }

    @Test
    void anInquiryAddsOnlyWhatTheNoticesMissedWithTheExactValue() {
        coverage.notice(notice(1_000, 10, 10));
        // Missed: 10 at 1,000 and 7 at 1,010 (cumulative 27). Then the notice for cumulative 30 arrives.
        coverage.notice(notice(1_020, 3, 30));
        List<FillCoverage.Slice> added = coverage.inquiry("0000000007", 30, 10_000 + 10_000 + 7_070 + 3_060);
        assertThat(added).extracting(FillCoverage.Slice::quantity).containsExactly(15L, 2L);
        assertThat(value(added)).isEqualTo(17_070);
        assertThat(added).extracting(FillCoverage.Slice::tradeId)
                .containsExactly("order-1/0000000007-c25", "order-1/0000000007-c27");
        assertThat(coverage.covered("0000000007")).isEqualTo(30);
        // The late notices of the missed executions are duplicates now, and so is the same inquiry again.
        assertThat(coverage.notice(notice(1_000, 10, 20))).isEmpty();
        assertThat(coverage.notice(notice(1_010, 7, 27))).isEmpty();
        assertThat(coverage.inquiry("0000000007", 30, 30_130)).isEmpty();
    }

    @Test
    void anInquiryBehindTheNoticesAddsNothing() {
        coverage.notice(notice(5_000, 4, 4));
        coverage.notice(notice(5_010, 6, 10));
        assertThat(coverage.inquiry("0000000007", 4, 20_000)).isEmpty();
        assertThat(coverage.inquiry("0000000007", 10, 50_060)).isEmpty();
    }

    @Test
    void eachOrderNumberHasItsOwnSequence() {
        coverage.notice(notice(2_000, 5, 5));
        List<FillCoverage.Slice> modified = coverage.inquiry("0000000009", 5, 10_250);
        assertThat(modified).containsExactly(new FillCoverage.Slice("order-1/0000000009-c5", 2_050, 5));
        assertThat(coverage.covered("0000000007")).isEqualTo(5);
    }

    @Test
    void anImpossibleAmountIsRefused() {
        coverage.notice(notice(9_000, 5, 5));
        assertThatThrownBy(() -> coverage.inquiry("0000000007", 10, 45_003))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 KRW for 5 shares");
    }
}
