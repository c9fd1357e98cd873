package com.aegis.workflows.scoring;

import java.util.Map;

/**
 * The AI ensemble's scores (requirement A3).
 *
 * @param scores       0–100 by symbol; a symbol left out is scored on quant alone and marked degraded
 * @param modelVersion the ensemble version that produced them
 */
public record AiScores(Map<String, Double> scores, String modelVersion) {

    public AiScores {
        scores = Map.copyOf(scores);
    }
}
