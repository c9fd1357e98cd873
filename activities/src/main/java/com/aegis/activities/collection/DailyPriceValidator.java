package com.aegis.activities.collection;

import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.quality.RejectedValue;
import com.aegis.activities.sources.DailyPrice;
import com.aegis.core.validation.Rejection;
import com.aegis.core.validation.ValidationOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validates one day's prices of every stock (D3): per record the stock master, ranges (positive prices, the daily
 * price limit around the base price) and consistency (low ≤ open, close ≤ high; the average traded price
 * {@code traded value / volume} inside the day's range; market cap = close × listed shares); then across the
 * cross-section Tukey fences and z-scores on the daily return (vs the base price) and on log10 of the turnover
 * (traded value / market cap, scale-free across large and small companies). The statistical checks reject at wide
 * bounds and flag for review at narrow ones: news days with limit moves and volume spikes are real. Every price ends
 * up accepted or in a {@link RejectedValue} with its rule and reason; flagged ones are both.
 */
final class DailyPriceValidator {

    static final String DATASET = "DAILY_PRICE";

    /** Prices to store, the rejected ones (left out) and the flagged ones (stored, marked for review). */
    record Result(List<DailyPrice> accepted, List<RejectedValue> rejected, List<RejectedValue> flagged) {
        Result {
            accepted = List.copyOf(accepted);
            rejected = List.copyOf(rejected);
            flagged = List.copyOf(flagged);
        }
    }

    private final CollectionSettings settings;

    DailyPriceValidator(CollectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param knownSymbols symbols of the stock master ({@code instrument}); a price of any other symbol is rejected
     * @param source       the provider the prices came from
     */
    Result validate(LocalDate date, List<DailyPrice> prices, Set<String> knownSymbols, String batchId, String source,
                    Instant fetchedAt) {
        List<RejectedValue> rejected = new ArrayList<>();
        List<RejectedValue> flagged = new ArrayList<>();
        Map<String, DailyPrice> survivors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DailyPrice p : prices) {
            String code = p.symbol().code();
            Optional<Problem> problem = seen.add(code)
                    ? recordProblem(date, p, knownSymbols)
                    : Optional.of(new Problem(QualityRule.DUPLICATE, "symbol", code,
                    code + " arrived twice for " + date + "; the first row is kept"));
            if (problem.isPresent()) {
                rejected.add(rejection(p, problem.get(), QualityAction.REJECTED, batchId, source, fetchedAt));
            } else {
                survivors.put(code, p);
            }
        }

        Map<String, Double> returns = new LinkedHashMap<>();
        Map<String, Double> logTurnover = new LinkedHashMap<>();
        survivors.forEach((code, p) -> {
            returns.put(code, (double) p.close() / basePrice(p) - 1.0);
            if (p.tradedValue() > 0 && p.marketCap() > 0) {
                logTurnover.put(code, Math.log10((double) p.tradedValue() / p.marketCap()));
            }
        });
        // A return is bounded by the price limit above; statistically it can only be unusual, never impossible.
        crossSection("daily_return", returns, false, survivors, rejected, flagged, batchId, source, fetchedAt);
        crossSection("log10_turnover", logTurnover, true, survivors, rejected, flagged, batchId, source, fetchedAt);
        return new Result(new ArrayList<>(survivors.values()), rejected, flagged);
    }

    static long basePrice(DailyPrice p) {
        return p.close() - p.change();
    }

    /**
     * Two passes over one field's cross-section: values above the wide rejection bounds are left out (when the field
     * may be rejected at all); of the rest, values outside the narrower review bounds are kept and flagged.
     */
    private void crossSection(String field, Map<String, Double> values, boolean mayReject,
                              Map<String, DailyPrice> survivors,
                              List<RejectedValue> rejected, List<RejectedValue> flagged, String batchId,
                              String source, Instant fetchedAt) {
        Map<String, Double> stillIn = new LinkedHashMap<>(values);
        stillIn.keySet().retainAll(survivors.keySet());
        ValidationOutcome wide = mayReject ? settings.rejectionCrossSection().validate(field, stillIn)
                : new ValidationOutcome(field, stillIn, List.of());
        Map<String, Double> kept = new LinkedHashMap<>(wide.accepted());
        for (Rejection r : wide.rejected()) {
            if (r.value() < r.bounds().lower()) {
                // Too little is unusual, not impossible (an illiquid stock trades very little): review it only.
                kept.put(r.key(), r.value());
                continue;
            }
            rejected.add(rejection(survivors.remove(r.key()), statistical(field, r, settings.rejectIqrK(),
                    settings.rejectZLimit(), ""), QualityAction.REJECTED, batchId, source, fetchedAt));
        }
        ValidationOutcome narrow = settings.reviewCrossSection().validate(field, kept);
        for (Rejection r : narrow.rejected()) {
            flagged.add(rejection(survivors.get(r.key()), statistical(field, r, settings.iqrK(),
                    settings.zLimit(), "; kept for review"), QualityAction.FLAGGED, batchId, source, fetchedAt));
        }
    }

    private static Problem statistical(String field, Rejection r, double k, double z, String suffix) {
        QualityRule rule = switch (r.reason()) {
            case NOT_FINITE -> QualityRule.PARSE_ERROR;
            case OUTSIDE_TUKEY_FENCES -> QualityRule.IQR_OUTLIER;
            case Z_SCORE_EXCEEDED -> QualityRule.Z_SCORE;
        };
        String what = field + " = " + round(r.value());
        return new Problem(rule, field, String.valueOf(r.value()), what + " lies outside " + bounds(r)
                + " of the day's cross-section (" + (rule == QualityRule.IQR_OUTLIER ? "Tukey fences, k = " + k
                : "|z| <= " + z) + ")" + suffix);
    }

    private Optional<Problem> recordProblem(LocalDate date, DailyPrice p, Set<String> knownSymbols) {
        String code = p.symbol().code();
        if (!date.equals(p.tradeDate())) {
            return problem(QualityRule.STALE, "trade_date", String.valueOf(p.tradeDate()),
                    "price of " + code + " is for " + p.tradeDate() + ", not " + date);
        }
        if (!knownSymbols.contains(code)) {
            return problem(QualityRule.INCONSISTENT, "symbol", code,
                    code + " (" + p.name() + ") is not in the stock master (instrument); load the listing first");
        }
        if (p.close() <= 0) {
            return problem(QualityRule.RANGE, "close", String.valueOf(p.close()), "close must be positive");
        }
        long base = basePrice(p);
        if (base <= 0) {
            return problem(QualityRule.RANGE, "change", String.valueOf(p.change()),
                    "close " + p.close() + " minus change " + p.change() + " gives a base price " + base
                            + " that is not positive");
        }
        if (p.volume() < 0) {
            return problem(QualityRule.RANGE, "volume", String.valueOf(p.volume()), "volume must not be negative");
        }
        if (p.tradedValue() < 0) {
            return problem(QualityRule.RANGE, "traded_value", String.valueOf(p.tradedValue()),
                    "traded value must not be negative");
        }
        if (p.marketCap() < 0) {
            return problem(QualityRule.RANGE, "market_cap", String.valueOf(p.marketCap()),
                    "market cap must not be negative");
        }
        boolean hasOpen = p.open().isPresent();
        if (hasOpen != p.high().isPresent() || hasOpen != p.low().isPresent()) {
            return problem(QualityRule.MISSING, "open/high/low", p.open() + "/" + p.high() + "/" + p.low(),
                    "open, high and low must be all present or all absent");
        }
        double limit = settings.priceLimit() + settings.priceTolerance();
        double change = (double) p.close() / base - 1.0;
        if (Math.abs(change) > limit) {
            return problem(QualityRule.RANGE, "close", String.valueOf(p.close()),
                    "close " + p.close() + " is " + percent(change) + " from the base price " + base
                            + ", beyond the daily limit of " + limit(settings.priceLimit()));
        }
        if (hasOpen) {
            long open = p.open().getAsLong();
            long high = p.high().getAsLong();
            long low = p.low().getAsLong();
            if (open <= 0 || high <= 0 || low <= 0) {
                return problem(QualityRule.RANGE, "open/high/low", open + "/" + high + "/" + low,
                        "open, high and low must be positive");
            }
            if (!(low <= high && low <= open && open <= high && low <= p.close() && p.close() <= high)) {
                return problem(QualityRule.INCONSISTENT, "open/high/low/close",
                        open + "/" + high + "/" + low + "/" + p.close(),
                        "the bar is not ordered low <= open, close <= high");
            }
            if (Math.abs((double) high / base - 1.0) > limit || Math.abs((double) low / base - 1.0) > limit) {
                return problem(QualityRule.RANGE, "high/low", high + "/" + low,
                        "the day's range " + low + ".." + high + " leaves the daily limit of "
                                + limit(settings.priceLimit()) + " around the base price " + base);
            }
            if (p.volume() > 0) {
                double averagePrice = (double) p.tradedValue() / p.volume();
                if (averagePrice < low * (1 - settings.priceTolerance())
                        || averagePrice > high * (1 + settings.priceTolerance())) {
                    return problem(QualityRule.INCONSISTENT, "traded_value", String.valueOf(p.tradedValue()),
                            "traded value / volume = " + round(averagePrice) + " lies outside the day's range "
                                    + low + ".." + high);
                }
            }
        } else if (p.volume() > 0 || p.tradedValue() > 0) {
            return problem(QualityRule.INCONSISTENT, "volume", String.valueOf(p.volume()),
                    "volume " + p.volume() + " and traded value " + p.tradedValue()
                            + " without an open, high or low");
        }
        if (p.volume() == 0 && p.tradedValue() > 0) {
            return problem(QualityRule.INCONSISTENT, "traded_value", String.valueOf(p.tradedValue()),
                    "traded value without volume");
        }
        if (p.marketCap() > 0 && p.listedShares() > 0) {
            double expected = (double) p.close() * p.listedShares();
            if (Math.abs(p.marketCap() - expected) > expected * settings.priceTolerance()) {
                return problem(QualityRule.INCONSISTENT, "market_cap", String.valueOf(p.marketCap()),
                        "market cap " + p.marketCap() + " differs from close x listed shares = "
                                + Math.round(expected));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(QualityRule rule, String field, String value, String reason) {
        return Optional.of(new Problem(rule, field, value, reason));
    }

    private static RejectedValue rejection(DailyPrice p, Problem problem, QualityAction action, String batchId,
                                           String source, Instant fetchedAt) {
        return new RejectedValue(batchId, DATASET, p.symbol().code() + "@" + p.tradeDate(), p.symbol(),
                p.tradeDate(), problem.field(), problem.value(), problem.rule(), problem.reason(), action, source,
                fetchedAt);
    }

    private static String bounds(Rejection r) {
        return "[" + round(r.bounds().lower()) + ", " + round(r.bounds().upper()) + "]";
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static String limit(double fraction) {
        return String.format(java.util.Locale.ROOT, "±%.1f%%", fraction * 100);
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private record Problem(QualityRule rule, String field, String value, String reason) {
    }
}
