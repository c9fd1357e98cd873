package com.aegis.activities.scoring;

import java.util.List;

/**
 * The JSON record published to the watchlist topic, keyed by {@code date}.
 *
 * @param date        the trading date the watchlist is for (ISO)
 * @param scoresDate  the date of the scores it lists (earlier than {@code date} when stale)
 * @param stale       true when the scores are the last good ones served after a pipeline failure (I2)
 * @param reason      why they are stale, or null
 * @param publishedAt ISO-8601 instant of publication
 * @param entries     the best scores plus every BUY and SELL, best score first
 */
public record WatchlistMessage(String date, String scoresDate, boolean stale, String reason, String publishedAt,
                               List<Entry> entries) {

    public WatchlistMessage {
        entries = List.copyOf(entries);
    }

    /**
     * One listed stock.
     *
     * @param rank           1 for the best final score of the day
     * @param symbol         the stock
     * @param name           its name
     * @param finalScore     0–100
     * @param recommendation BUY, NEUTRAL or SELL
     * @param quantScore     the quant score (z scale)
     * @param aiScore        the AI score used, or null when degraded
     * @param degradedReason why the AI part is missing, or null
     */
    public record Entry(int rank, String symbol, String name, double finalScore, String recommendation,
                        double quantScore, Double aiScore, String degradedReason) {
    }
}
