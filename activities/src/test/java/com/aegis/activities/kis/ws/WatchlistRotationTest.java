package com.aegis.activities.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchlistRotationTest {

    private static final List<KisRealtimeTr> TICK_AND_BOOK = List.of(KisRealtimeTr.TRADE_TICK, KisRealtimeTr.ORDER_BOOK);

    /** 60 symbols; symbol i has priority i, so 000059 matters most. */
    private static List<WatchedSymbol> watchlist(int size) {
        List<WatchedSymbol> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(new WatchedSymbol(String.format("%06d", i), i));
        }
        return list;
    }

    @Test
    void topPrioritiesStayPinnedAndTheRestTakeTurns() {
        WatchlistRotation rotation = new WatchlistRotation(40, TICK_AND_BOOK, 5, Duration.ofMinutes(1));
        List<WatchedSymbol> watchlist = watchlist(60);
        assertThat(rotation.symbolSlots()).isEqualTo(20);
        long cycle = rotation.roundsPerCycle(60);
        assertThat(cycle).isEqualTo(9);

        Set<String> rotatedIn = new HashSet<>();
        for (long round = 0; round < cycle; round++) {
            RotationPlan plan = rotation.planFor(watchlist, round);
            assertThat(plan.registrations()).hasSizeLessThanOrEqualTo(40);
            assertThat(plan.pinnedSymbols()).hasSize(15).first().isEqualTo("000059");
            assertThat(plan.pinnedSymbols()).contains("000045").doesNotContain("000044");
            assertThat(plan.rotatingSymbols()).hasSize(5).doesNotContainAnyElementsOf(plan.pinnedSymbols());
            rotatedIn.addAll(plan.rotatingSymbols());
        }
        assertThat(rotatedIn).hasSize(45);
    }

    @Test
    void neverExceedsTheBudgetWhateverTheWatchlistAndRound() {
        for (int budget = 1; budget <= 40; budget++) {
            for (int size : new int[] {0, 1, 7, 19, 20, 21, 40, 41, 200}) {
                int slots = budget / 2;
                if (slots == 0) {
                    continue;
                }
                for (int rotating = 0; rotating <= slots; rotating += Math.max(1, slots / 3)) {
                    WatchlistRotation rotation = new WatchlistRotation(budget, TICK_AND_BOOK, rotating,
                            Duration.ofSeconds(30));
                    for (long round = 0; round < 12; round++) {
                        RotationPlan plan = rotation.planFor(watchlist(size), round);
                        assertThat(plan.registrations().size()).isLessThanOrEqualTo(budget);
                        assertThat(plan.registrations().size()).isEqualTo(2 * Math.min(size, slots));
                    }
                }
            }
        }
    }

    @Test
    void aWatchlistThatFitsIsHeldWhole() {
        WatchlistRotation rotation = new WatchlistRotation(40, TICK_AND_BOOK, 5, Duration.ofMinutes(1));
        RotationPlan plan = rotation.planFor(watchlist(12), 3);
        assertThat(plan.pinnedSymbols()).hasSize(12);
        assertThat(plan.rotatingSymbols()).isEmpty();
        assertThat(plan.registrations()).hasSize(24).contains(Registration.orderBook("000011"));
    }

    @Test
    void roundsFollowElapsedTimeAndInputsAreChecked() {
        WatchlistRotation rotation = new WatchlistRotation(39, TICK_AND_BOOK, 4, Duration.ofSeconds(30));
        assertThat(rotation.roundAt(Duration.ofSeconds(29))).isZero();
        assertThat(rotation.roundAt(Duration.ofSeconds(95))).isEqualTo(3);
        assertThat(rotation.symbolSlots()).isEqualTo(19);
        assertThatThrownBy(() -> new WatchlistRotation(41, TICK_AND_BOOK, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("1..40");
        assertThatThrownBy(() -> new WatchlistRotation(40, TICK_AND_BOOK, 21, Duration.ofSeconds(1)))
                .hasMessageContaining("rotatingSlots");
    }

    @Test
    void aPlanAppliedToTheClientReplacesOnlyWhatChanged() {
        try (SimulatedKisRealtime kis = new SimulatedKisRealtime()) {
            KisRealtimeClient client = kis.client();
            try {
                client.connect();
                WatchlistRotation rotation = new WatchlistRotation(40, TICK_AND_BOOK, 5, Duration.ofMinutes(1));
                List<WatchedSymbol> watchlist = watchlist(60);
                for (long round = 0; round < 4; round++) {
                    RotationPlan plan = rotation.planFor(watchlist, round);
                    client.replaceRegistrations(plan.registrations());
                    assertThat(client.registrations()).containsExactlyInAnyOrderElementsOf(plan.registrations());
                }
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                        new HashSet<>(kis.server.registrationsOf(SimulatedKisRealtime.APP_KEY)).equals(
                                client.registrations().stream().map(Registration::toString)
                                        .collect(java.util.stream.Collectors.toSet())));
                assertThat(kis.server.registrationsOf(SimulatedKisRealtime.APP_KEY)).hasSize(40);
            } finally {
                client.close();
            }
        }
    }
}
