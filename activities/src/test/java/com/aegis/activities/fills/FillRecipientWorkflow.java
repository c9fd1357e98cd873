package com.aegis.activities.fills;

import com.aegis.workflows.orders.FillNotice;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** Stands in for an order workflow: takes {@code fill} signals and applies each trade ID once. */
@WorkflowInterface
public interface FillRecipientWorkflow {

    @WorkflowMethod(name = "FillsTestRecipient")
    void run();

    @SignalMethod(name = "fill")
    void fill(FillNotice notice);

    /** Fills applied, in arrival order, one per trade ID. */
    @QueryMethod(name = "applied")
    List<FillNotice> applied();

    /** Signals whose trade ID was already applied. */
    @QueryMethod(name = "duplicates")
    int duplicates();
}
