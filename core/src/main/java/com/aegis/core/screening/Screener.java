package com.aegis.core.screening;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Screens the listed universe (requirement A1). Every rule is evaluated for every stock, so an exclusion reports all
 * the rules a stock failed and not only the first. Averages are compared exactly: sum of n values &gt; threshold × n,
 * in integer arithmetic, so "exactly 1 billion" can never slip through by rounding.
 */
public final class Screener {

    private Screener() {
    }

    private static BigInteger recentSum(ScreeningInput stock, int sessions) {
        List<Long> traded = stock.dailyTradedValues();
        BigInteger sum = BigInteger.ZERO;
        for (int i = Math.max(0, traded.size() - sessions); i < traded.size(); i++) {
            sum = sum.add(BigInteger.valueOf(traded.get(i)));
        }
        return sum;
    }

    /** Applies {@code criteria} to every input; at most {@link ScreenerCriteria#maxPassed()} are kept. */
    public static ScreeningResult screen(List<ScreeningInput> universe, ScreenerCriteria criteria) {
        List<ScreeningInput> kept = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        Map<ExclusionReason, Integer> byFirst = new EnumMap<>(ExclusionReason.class);
        Map<ExclusionReason, Integer> byAny = new EnumMap<>(ExclusionReason.class);
        for (ExclusionReason reason : ExclusionReason.values()) {
            byFirst.put(reason, 0);
            byAny.put(reason, 0);
        }
        for (ScreeningInput stock : universe) {
            List<ExclusionReason> reasons = new ArrayList<>();
            List<String> details = new ArrayList<>();
            if (criteria.excludeHalted() && stock.halted()) {
                reasons.add(ExclusionReason.HALTED);
                details.add("trading halted");
            }
            if (criteria.excludeAdministrative() && stock.administrativeDesignation()) {
                reasons.add(ExclusionReason.ADMINISTRATIVE_DESIGNATION);
                details.add("administrative-issue stock");
            }
            List<Long> traded = stock.dailyTradedValues();
            int n = criteria.averagingSessions();
            if (traded.size() < n) {
                reasons.add(ExclusionReason.INSUFFICIENT_TRADING_HISTORY);
                details.add(traded.size() + " sessions of traded value < " + n + " needed");
            } else {
                BigInteger sum = BigInteger.ZERO;
                for (int i = traded.size() - n; i < traded.size(); i++) {
                    sum = sum.add(BigInteger.valueOf(traded.get(i)));
                }
                BigInteger threshold = BigInteger.valueOf(criteria.minAverageTradedValueExclusive())
                        .multiply(BigInteger.valueOf(n));
                if (sum.compareTo(threshold) <= 0) {
                    reasons.add(ExclusionReason.LOW_TRADED_VALUE);
                    details.add(n + "-session avg traded value " + sum.divide(BigInteger.valueOf(n)) + " <= "
                            + criteria.minAverageTradedValueExclusive());
                }
            }
            if (stock.marketCap() <= criteria.minMarketCapExclusive()) {
                reasons.add(ExclusionReason.SMALL_MARKET_CAP);
                details.add("market cap " + stock.marketCap() + " <= " + criteria.minMarketCapExclusive());
            }
            if (reasons.isEmpty()) {
                kept.add(stock);
            } else {
                excluded.add(new Exclusion(stock.symbol(), reasons.get(0), reasons, String.join("; ", details)));
                byFirst.merge(reasons.get(0), 1, Integer::sum);
                for (ExclusionReason reason : reasons) {
                    byAny.merge(reason, 1, Integer::sum);
                }
            }
        }
        if (kept.size() > criteria.maxPassed()) {
            List<ScreeningInput> ranked = new ArrayList<>(kept);
            ranked.sort(java.util.Comparator.comparing((ScreeningInput s) -> recentSum(s, criteria.averagingSessions()))
                    .reversed().thenComparing(s -> s.symbol().code()));
            java.util.Set<ScreeningInput> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            keep.addAll(ranked.subList(0, criteria.maxPassed()));
            List<ScreeningInput> trimmed = new ArrayList<>(criteria.maxPassed());
            for (ScreeningInput stock : kept) {
                if (keep.contains(stock)) {
                    trimmed.add(stock);
                } else {
                    excluded.add(new Exclusion(stock.symbol(), ExclusionReason.BELOW_LIQUIDITY_RANK,
                            List.of(ExclusionReason.BELOW_LIQUIDITY_RANK), "passed every rule but is not among the "
                            + criteria.maxPassed() + " most liquid by " + criteria.averagingSessions()
                            + "-session average traded value"));
                    byFirst.merge(ExclusionReason.BELOW_LIQUIDITY_RANK, 1, Integer::sum);
                    byAny.merge(ExclusionReason.BELOW_LIQUIDITY_RANK, 1, Integer::sum);
                }
            }
            kept = trimmed;
        }
        return new ScreeningResult(kept, excluded, byFirst, byAny);
    }
}
