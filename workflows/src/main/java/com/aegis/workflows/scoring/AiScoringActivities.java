package com.aegis.workflows.scoring;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The AI stage (LSTM, Transformer and GNN ensemble), served by the GPU worker on {@code aegis-ai}. When no worker
 * polls that queue, or the call fails, the pipeline degrades to quant-only scores and records why (I2).
 */
@ActivityInterface
public interface AiScoringActivities {

    @ActivityMethod(name = "ScoreWithAi")
    AiScores score(AiScoreRequest request);
}
