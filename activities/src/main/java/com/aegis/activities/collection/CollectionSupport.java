package com.aegis.activities.collection;

import static com.aegis.db.jooq.Tables.INSTRUMENT;

import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.RejectedValue;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/** Helpers the collectors share. */
final class CollectionSupport {

    /** Rows per insert statement: few round trips, well under PostgreSQL's bind-parameter limit. */
    static final int INSERT_ROWS = 500;

    private CollectionSupport() {
    }

    /** Every symbol of the stock master ({@code instrument}), listed or not. */
    static Set<String> knownSymbols(DSLContext dsl) {
        Set<String> out = new HashSet<>();
        dsl.select(INSTRUMENT.SYMBOL).from(INSTRUMENT).forEach(r -> out.add(r.value1().trim()));
        return out;
    }

    /** The values left out (not the flagged or replaced ones). */
    static int countRejected(List<RejectedValue> values) {
        return (int) values.stream().filter(v -> v.action() == QualityAction.REJECTED).count();
    }

    /** At most 20 items, then how many more. */
    static String abbreviate(List<String> items) {
        return items.size() <= 20 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 20)) + " and " + (items.size() - 20) + " more";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static long millisSince(long startNanos) {
        return Math.max(0, Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }
}
