package com.aegis.activities.sources;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LastGoodGlobalValues} held in memory; keeps the value with the latest session date per symbol. */
public final class InMemoryLastGoodGlobalValues implements LastGoodGlobalValues {

    private final Map<String, GlobalIndicatorValue> values = new ConcurrentHashMap<>();

    @Override
    public Optional<GlobalIndicatorValue> last(String symbol) {
        return Optional.ofNullable(values.get(symbol));
    }

    @Override
    public void remember(GlobalIndicatorValue value) {
        values.merge(value.symbol(), value, (old, now) -> now.sessionDate().isBefore(old.sessionDate()) ? old : now);
    }
}
