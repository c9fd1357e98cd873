package com.aegis.activities.sources;

import java.util.List;
import java.util.Optional;

/** A Yahoo daily chart: bars oldest first (bars Yahoo sends without a close are left out). */
public record ChartSeries(String symbol, String currency, String exchangeTimezone, List<ChartBar> bars) {
    public ChartSeries {
        bars = List.copyOf(bars);
    }

    public Optional<ChartBar> last() {
        return bars.isEmpty() ? Optional.empty() : Optional.of(bars.get(bars.size() - 1));
    }
}
