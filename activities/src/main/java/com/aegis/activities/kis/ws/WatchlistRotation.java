package com.aegis.activities.kis.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses which watchlist symbols hold the session's real-time registrations when the watchlist is larger than the
 * budget. KIS counts every TR: with trade ticks and order books per symbol, 40 registrations watch 20 symbols.
 *
 * <p>The schedule, explicitly: symbols are ranked by priority (highest first, ties by code). Of the
 * {@code budget / TRs-per-symbol} symbol slots, {@code rotatingSlots} rotate and the rest are pinned to the top of
 * the ranking. The symbols below the pinned ones form a ring; round {@code r} (round = elapsed time / period) holds
 * the {@code rotatingSlots} consecutive ring entries starting at {@code r × rotatingSlots mod ringSize}, so every
 * one of them is watched once every {@code ceil(ringSize / rotatingSlots)} rounds. A watchlist that fits gets every
 * symbol pinned and nothing rotates.
 */
public final class WatchlistRotation {

    private final int registrationBudget;
    private final List<KisRealtimeTr> trsPerSymbol;
    private final int rotatingSlots;
    private final Duration period;

    /**
     * @param registrationBudget registrations this rotation may use (at most 40; leave room for e.g. fill notices)
     * @param trsPerSymbol       what to register per symbol, e.g. trade ticks and order book
     * @param rotatingSlots      symbol slots that rotate; the other slots stay with the top priorities
     * @param period             how long one round lasts
     */
    public WatchlistRotation(int registrationBudget, List<KisRealtimeTr> trsPerSymbol, int rotatingSlots,
                             Duration period) {
        Objects.requireNonNull(trsPerSymbol, "trsPerSymbol");
        Objects.requireNonNull(period, "period");
        if (registrationBudget < 1 || registrationBudget > KisRealtimeSettings.KIS_MAX_REGISTRATIONS) {
            throw new IllegalArgumentException("registration budget must be 1.." + KisRealtimeSettings
                    .KIS_MAX_REGISTRATIONS + ", got " + registrationBudget);
        }
        if (trsPerSymbol.isEmpty() || trsPerSymbol.stream().anyMatch(KisRealtimeTr::isFillNotice)
                || Set.copyOf(trsPerSymbol).size() != trsPerSymbol.size()) {
            throw new IllegalArgumentException("trsPerSymbol must list distinct per-symbol TRs (H0STCNT0, H0STASP0),"
                    + " got " + trsPerSymbol);
        }
        int slots = registrationBudget / trsPerSymbol.size();
        if (slots < 1) {
            throw new IllegalArgumentException("a budget of " + registrationBudget + " cannot hold one symbol with "
                    + trsPerSymbol.size() + " TRs");
        }
        if (rotatingSlots < 0 || rotatingSlots > slots) {
            throw new IllegalArgumentException("rotatingSlots must be 0.." + slots + " (the symbol slots in the"
                    + " budget), got " + rotatingSlots);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rotation period must be positive, got " + period);
        }
        this.registrationBudget = registrationBudget;
        this.trsPerSymbol = List.copyOf(trsPerSymbol);
        this.rotatingSlots = rotatingSlots;
        this.period = period;
    }

    /** Symbol slots in the budget. */
    public int symbolSlots() {
        return registrationBudget / trsPerSymbol.size();
    }

    /** The round in force {@code elapsed} after the rotation started. */
    public long roundAt(Duration elapsed) {
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed time must not be negative, got " + elapsed);
        }
        return elapsed.toMillis() / period.toMillis();
    }

    /** What to hold in {@code round} for {@code watchlist} (a symbol listed twice counts with its highest priority). */
    public RotationPlan planFor(List<WatchedSymbol> watchlist, long round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must not be negative, got " + round);
        }
        List<String> ranked = rank(watchlist);
        int slots = symbolSlots();
        List<String> pinned;
        List<String> rotating = new ArrayList<>();
        if (ranked.size() <= slots) {
            pinned = ranked;
        } else {
            int pinnedCount = slots - rotatingSlots;
            pinned = ranked.subList(0, pinnedCount);
            List<String> ring = ranked.subList(pinnedCount, ranked.size());
            if (rotatingSlots > 0) {
                int start = (int) ((round % ring.size()) * rotatingSlots % ring.size());
                for (int i = 0; i < rotatingSlots; i++) {
                    rotating.add(ring.get((start + i) % ring.size()));
                }
            }
        }
        Set<Registration> registrations = new LinkedHashSet<>();
        for (String symbol : pinned) {
            trsPerSymbol.forEach(tr -> registrations.add(new Registration(tr, symbol)));
        }
        for (String symbol : rotating) {
            trsPerSymbol.forEach(tr -> registrations.add(new Registration(tr, symbol)));
        }
        return new RotationPlan(round, pinned, rotating, registrations);
    }

    /** Rounds until every symbol below the pinned ones has had its turn. */
    public long roundsPerCycle(int watchlistSize) {
        int ringSize = watchlistSize - (symbolSlots() - rotatingSlots);
        if (watchlistSize <= symbolSlots() || rotatingSlots == 0) {
            return 1;
        }
        return (ringSize + rotatingSlots - 1) / rotatingSlots;
    }

    private static List<String> rank(List<WatchedSymbol> watchlist) {
        Map<String, Integer> best = new HashMap<>();
        for (WatchedSymbol entry : watchlist) {
            best.merge(entry.symbol(), entry.priority(), Math::max);
        }
        List<String> ranked = new ArrayList<>(best.keySet());
        ranked.sort(Comparator.comparing((String s) -> best.get(s)).reversed().thenComparing(Comparator.naturalOrder()));
        return ranked;
    }
}
