package com.aegis.workers.fills;

import com.aegis.workflows.orders.FillNotice;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/** Stands in for an order workflow: takes {@code fill} signals until terminated. */
@WorkflowInterface
public interface FillTakerWorkflow {

    @WorkflowMethod(name = "FillsWiringTestTaker")
    void run();

    @SignalMethod(name = "fill")
    void fill(FillNotice notice);

    @QueryMethod(name = "received")
    List<FillNotice> received();

    /** The implementation registered on the test's task queue. */
    class Impl implements FillTakerWorkflow {
        private final List<FillNotice> received = new ArrayList<>();

        @Override
        public void run() {
            Workflow.await(() -> false);
        }

        @Override
        public void fill(FillNotice notice) {
            received.add(notice);
        }

        @Override
        public List<FillNotice> received() {
            return List.copyOf(received);
        }
    }
}
