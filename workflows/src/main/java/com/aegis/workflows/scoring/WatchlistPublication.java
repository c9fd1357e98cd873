package com.aegis.workflows.scoring;

/**
 * Where the watchlist went.
 *
 * @param topic     the Kafka topic
 * @param partition the partition written
 * @param offset    the record's offset
 * @param symbols   how many stocks it lists
 * @param stale     whether it was built from stale scores
 */
public record WatchlistPublication(String topic, int partition, long offset, int symbols, boolean stale) {
}
