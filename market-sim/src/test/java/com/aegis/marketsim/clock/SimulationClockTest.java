package com.aegis.marketsim.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

    private static final Instant START = Instant.parse("2026-11-24T00:00:00Z");

    /** Wall time that moves only when the clock under test sleeps. */
    private static final class FakeWallTime implements WallTime {
        long nanos;

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleepNanos(long n) {
            nanos += n;
        }
    }

    @Test
    void a_stepped_clock_fires_callbacks_in_time_order_each_at_its_own_time() {
        SimulationClock clock = SimulationClock.stepped(START);
        List<String> fired = new ArrayList<>();
        clock.schedule(START.plusSeconds(30), () -> fired.add("b@" + clock.now()));
        clock.schedule(START.plusSeconds(10), () -> fired.add("a@" + clock.now()));
        clock.schedule(START.plusSeconds(30), () -> fired.add("c@" + clock.now()));

        clock.advance(Duration.ofSeconds(20));
        assertThat(fired).containsExactly("a@" + START.plusSeconds(10));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(20));

        clock.advanceTo(START.plusSeconds(60));
        assertThat(fired).containsExactly("a@" + START.plusSeconds(10), "b@" + START.plusSeconds(30),
                "c@" + START.plusSeconds(30));
    }

    @Test
    void callbacks_scheduled_by_callbacks_fire_within_the_same_step_and_cancelled_ones_never() {
        SimulationClock clock = SimulationClock.stepped(START);
        List<Instant> fired = new ArrayList<>();
        clock.scheduleAfter(Duration.ofSeconds(5), () -> {
            fired.add(clock.now());
            clock.scheduleAfter(Duration.ofSeconds(5), () -> fired.add(clock.now()));
        });
        ScheduledCallback dropped = clock.scheduleAfter(Duration.ofSeconds(7), () -> fired.add(Instant.EPOCH));
        dropped.cancel();

        clock.advance(Duration.ofMinutes(1));
        assertThat(fired).containsExactly(START.plusSeconds(5), START.plusSeconds(10));
    }

    @Test
    void a_stepped_clock_never_goes_back_and_only_steps_on_request() {
        SimulationClock clock = SimulationClock.stepped(START);
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> clock.advanceTo(START)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("back");
    }

    @Test
    void an_accelerated_clock_runs_a_trading_day_in_two_minutes_of_wall_time() throws InterruptedException {
        FakeWallTime wall = new FakeWallTime();
        SimulationClock clock = SimulationClock.accelerated(START, SimulationClock.TRADING_DAY_IN_TWO_MINUTES, wall);
        List<Instant> fired = new ArrayList<>();
        clock.schedule(START.plus(Duration.ofHours(1)), () -> fired.add(clock.now()));

        clock.runUntil(START.plus(Duration.ofMinutes(390)));

        // wall-driven modes fire when wall time has caught up: at the due time or within a rounding step after it
        assertThat(fired).singleElement().satisfies(t -> assertThat(Duration.between(START.plus(Duration.ofHours(1)),
                t)).isBetween(Duration.ZERO, Duration.ofMillis(1)));
        assertThat(clock.now()).isAfterOrEqualTo(START.plus(Duration.ofMinutes(390)));
        assertThat(Duration.ofNanos(wall.nanos)).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_real_time_clock_follows_wall_time() {
        FakeWallTime wall = new FakeWallTime();
        SimulationClock clock = SimulationClock.realTime(START, wall);
        List<Instant> fired = new ArrayList<>();
        clock.schedule(START.plusMillis(1500), () -> fired.add(clock.now()));
        wall.nanos = Duration.ofSeconds(1).toNanos();
        assertThat(clock.runDueCallbacks()).isZero();
        assertThat(clock.now()).isEqualTo(START.plusSeconds(1));
        wall.nanos = Duration.ofSeconds(2).toNanos();
        assertThat(clock.runDueCallbacks()).isEqualTo(1);
        assertThat(fired).containsExactly(START.plusSeconds(2));
    }
}
