package com.aegis.core.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of validating one field: every input key is either in {@code accepted} or in {@code rejected}.
 *
 * @param field    the field validated
 * @param accepted accepted values by key, in input order
 * @param rejected rejected values, in input order
 */
public record ValidationOutcome(String field, Map<String, Double> accepted, List<Rejection> rejected) {

    public ValidationOutcome {
        accepted = Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
        rejected = List.copyOf(rejected);
    }

    /** Number of values looked at. */
    public int total() {
        return accepted.size() + rejected.size();
    }
}
