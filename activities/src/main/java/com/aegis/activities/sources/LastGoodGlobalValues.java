package com.aegis.activities.sources;

import java.util.Optional;

/** The last value of each global indicator that a fetch delivered, kept to stand in when the source is down (D4). */
public interface LastGoodGlobalValues {

    Optional<GlobalIndicatorValue> last(String symbol);

    void remember(GlobalIndicatorValue value);
}
