package com.aegis.activities.fills;

import com.aegis.workflows.orders.FillNotice;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Waits until terminated; records the fills it is signalled. */
public class FillRecipientWorkflowImpl implements FillRecipientWorkflow {

    private final List<FillNotice> applied = new ArrayList<>();
    private int duplicates;

    @Override
    public void run() {
        Workflow.await(() -> false);
    }

    @Override
    public void fill(FillNotice notice) {
        if (applied.stream().anyMatch(f -> f.tradeId().equals(notice.tradeId()))) {
            duplicates++;
        } else {
            applied.add(notice);
        }
    }

    @Override
    public List<FillNotice> applied() {
        return List.copyOf(applied);
    }

    @Override
    public int duplicates() {
        return duplicates;
    }
}
