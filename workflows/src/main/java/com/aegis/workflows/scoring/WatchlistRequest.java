package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Publishes the watchlist for a trading date to Kafka {@code aegis.watchlist.v1}.
 *
 * @param date       the trading date the watchlist is for
 * @param scoresDate the date of the scores it is built from (earlier than {@code date} when stale)
 * @param stale      true when the scores are the last good ones served after a pipeline failure (I2)
 * @param reason     why they are stale; null otherwise
 * @param size       how many of the best scores to include (BUY and SELL recommendations always included)
 */
public record WatchlistRequest(LocalDate date, LocalDate scoresDate, boolean stale, String reason, int size) {

    public WatchlistRequest {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(scoresDate, "scoresDate");
    }
}
