package com.aegis.activities.scoring;

/**
 * One stored final score as the command line lists it and the score cache holds it.
 *
 * @param symbol         the stock
 * @param name           its name
 * @param finalScore     0–100
 * @param recommendation BUY, NEUTRAL or SELL
 * @param quantScore     the quant score (z scale)
 * @param aiScore        the AI ensemble score used, or null when degraded
 * @param degradedReason why the AI part is missing, or null
 * @param regime         the market regime whose weights applied
 */
public record ScoreRow(String symbol, String name, double finalScore, String recommendation, double quantScore,
                       Double aiScore, String degradedReason, String regime) {
}
