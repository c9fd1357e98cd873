package com.aegis.activities.sources;

import java.util.List;
import java.util.Optional;

/**
 * The data a failover fetch delivered (empty if every source failed), its {@link FetchRecord}, and warnings to raise
 * (D4: falling back to the last good value is a warning, not silence).
 */
public record FetchOutcome<T>(Optional<T> value, FetchRecord record, List<String> warnings) {
    public FetchOutcome {
        warnings = List.copyOf(warnings);
    }
}
