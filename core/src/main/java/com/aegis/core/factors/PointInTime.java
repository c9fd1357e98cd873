package com.aegis.core.factors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The look-ahead guard. A score for trading date D may use only statements published strictly before D begins in
 * Korea (00:00 KST): a statement filed on D itself, even before the open, is first used on the next trading date. This
 * is stricter than necessary for a post-close batch and never too lenient for the 08:30 pre-open batch.
 */
public final class PointInTime {

    /** Trading dates are Korean dates. */
    public static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private PointInTime() {
    }

    /** The first instant that is no longer "before" {@code scoringDate}. */
    public static Instant cutoff(LocalDate scoringDate) {
        return scoringDate.atStartOfDay(KST).toInstant();
    }

    /** True when {@code statement} was public before {@code scoringDate}. */
    public static boolean isKnownOn(FinancialStatement statement, LocalDate scoringDate) {
        return statement.publishedAt().isBefore(cutoff(scoringDate));
    }

    /**
     * The statements a scorer may use on {@code scoringDate}, one per quarter, oldest quarter first. When a quarter
     * was restated (정정공시), the latest version published before the cutoff wins; a restatement published later is
     * ignored, exactly as the market saw it then.
     */
    public static List<FinancialStatement> knownOn(Collection<FinancialStatement> statements, LocalDate scoringDate) {
        Instant cutoff = cutoff(scoringDate);
        Map<FiscalQuarter, FinancialStatement> latestByQuarter = new TreeMap<>();
        for (FinancialStatement statement : statements) {
            if (!statement.publishedAt().isBefore(cutoff)) {
                continue;
            }
            latestByQuarter.merge(statement.period(), statement,
                    (a, b) -> b.publishedAt().isAfter(a.publishedAt()) ? b : a);
        }
        return new ArrayList<>(latestByQuarter.values());
    }
}
