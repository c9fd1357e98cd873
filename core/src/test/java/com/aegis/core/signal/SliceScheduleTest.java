package com.aegis.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SliceScheduleTest {

    private static final Instant OPEN = Instant.parse("2026-03-04T00:00:00Z"); // 09:00 KST
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    @Test
    void twapSpreadsTheLeftoverOverTheFirstSlices() {
        SliceSchedule s = SliceSchedule.twap(10, OPEN, ONE_HOUR, 3);
        assertThat(s.slices()).extracting(Slice::quantity).containsExactly(4L, 3L, 3L);
        assertThat(s.slices()).extracting(Slice::startAt)
                .containsExactly(OPEN, OPEN.plus(Duration.ofMinutes(20)), OPEN.plus(Duration.ofMinutes(40)));
    }

    @Test
    void vwapFollowsTheVolumeProfile() {
        SliceSchedule s = SliceSchedule.vwap(1_000, OPEN, ONE_HOUR, new long[] {400, 100, 100, 400});
        assertThat(s.slices()).extracting(Slice::quantity).containsExactly(400L, 100L, 100L, 400L);
        // 7 over equal weights: quotas 2.33 each; the one leftover share goes to the earliest bucket
        SliceSchedule tie = SliceSchedule.vwap(7, OPEN, ONE_HOUR, new long[] {5, 5, 5});
        assertThat(tie.slices()).extracting(Slice::quantity).containsExactly(3L, 2L, 2L);
    }

    @Test
    void bucketsWithoutShareGetNoSlice() {
        SliceSchedule s = SliceSchedule.vwap(2, OPEN, ONE_HOUR, new long[] {0, 10, 1, 10});
        assertThat(s.slices()).extracting(Slice::quantity).containsExactly(1L, 1L);
        assertThat(s.slices()).extracting(Slice::startAt)
                .containsExactly(OPEN.plus(Duration.ofMinutes(15)), OPEN.plus(Duration.ofMinutes(45)));
        assertThat(s.slices()).extracting(Slice::index).containsExactly(0, 1);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> SliceSchedule.vwap(10, OPEN, ONE_HOUR, new long[] {0, 0}))
                .hasMessageContaining("use a TWAP");
        assertThatThrownBy(() -> SliceSchedule.vwap(10, OPEN, ONE_HOUR, new long[] {1, -1}))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> SliceSchedule.twap(0, OPEN, ONE_HOUR, 3)).hasMessageContaining("at least 1 share");
        assertThatThrownBy(() -> SliceSchedule.twap(10, OPEN, Duration.ZERO, 3)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> SliceSchedule.twap(10, OPEN, ONE_HOUR, 0)).hasMessageContaining("bucket");
    }

    @Property(tries = 500)
    void twapSlicesSumToTheParentAndDifferByAtMostOne(@ForAll @LongRange(min = 1, max = 10_000_000) long parent,
            @ForAll @IntRange(min = 1, max = 390) int buckets) {
        List<Slice> slices = SliceSchedule.twap(parent, OPEN, Duration.ofMinutes(390), buckets).slices();
        assertThat(slices.stream().mapToLong(Slice::quantity).sum()).isEqualTo(parent);
        long max = slices.stream().mapToLong(Slice::quantity).max().orElseThrow();
        long min = slices.stream().mapToLong(Slice::quantity).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertTimesWithinHorizon(slices, Duration.ofMinutes(390));
    }

    @Property(tries = 500)
    void vwapSlicesSumToTheParentAndStayWithinOneShareOfTheirQuota(
            @ForAll @LongRange(min = 1, max = 10_000_000) long parent,
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> profile) {
        long[] volumes = profile.stream().mapToLong(Long::longValue).toArray();
        if (profile.stream().mapToLong(Long::longValue).sum() == 0) {
            volumes[0] = 1;
        }
        List<Slice> slices = SliceSchedule.vwap(parent, OPEN, ONE_HOUR, volumes).slices();
        assertThat(slices.stream().mapToLong(Slice::quantity).sum()).isEqualTo(parent);
        assertThat(slices).allSatisfy(s -> assertThat(s.quantity()).isPositive());
        assertThat(slices.size()).isLessThanOrEqualTo(volumes.length);
        assertTimesWithinHorizon(slices, ONE_HOUR);

        BigInteger total = BigInteger.ZERO;
        for (long v : volumes) {
            total = total.add(BigInteger.valueOf(v));
        }
        long bucketNanos = ONE_HOUR.toNanos();
        for (Slice s : slices) {
            long offset = Duration.between(OPEN, s.startAt()).toNanos();
            int bucket = BigInteger.valueOf(offset).multiply(BigInteger.valueOf(volumes.length))
                    .add(BigInteger.valueOf(bucketNanos - 1)).divide(BigInteger.valueOf(bucketNanos)).intValueExact();
            BigInteger quotaFloor = BigInteger.valueOf(parent).multiply(BigInteger.valueOf(volumes[bucket]))
                    .divide(total);
            assertThat(s.quantity() - quotaFloor.longValueExact()).isBetween(0L, 1L);
        }
    }

    private static void assertTimesWithinHorizon(List<Slice> slices, Duration horizon) {
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            assertThat(s.index()).isEqualTo(i);
            assertThat(s.startAt()).isBetween(OPEN, OPEN.plus(horizon).minusNanos(1));
            if (i > 0) {
                assertThat(s.startAt()).isAfter(slices.get(i - 1).startAt());
            }
        }
    }
}
