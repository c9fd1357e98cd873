package com.aegis.activities.fills;

import java.time.LocalDate;
import java.util.Optional;

/** Which order workflow a broker order number of a trade date belongs to. */
@FunctionalInterface
public interface WorkflowIdLookup {

    /** The workflow ID, or empty while the order number is not (yet) in the broker ledger. */
    Optional<String> workflowIdOf(LocalDate tradeDate, String brokerOrderNo);
}
