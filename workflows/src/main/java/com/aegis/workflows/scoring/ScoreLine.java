package com.aegis.workflows.scoring;

/**
 * One stock's final score in a report.
 *
 * @param symbol         the stock
 * @param name           its name
 * @param quantScore     the quant score (z scale)
 * @param aiScore        the AI score, or null when degraded
 * @param finalScore     0–100
 * @param recommendation BUY, NEUTRAL or SELL
 */
public record ScoreLine(String symbol, String name, double quantScore, Double aiScore, double finalScore,
                        String recommendation) {
}
