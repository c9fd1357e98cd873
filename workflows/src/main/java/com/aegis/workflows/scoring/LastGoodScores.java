package com.aegis.workflows.scoring;

import java.time.LocalDate;

/**
 * The newest successful final scores that are at most the allowed age (requirement I2).
 *
 * @param found       false when no scores are recent enough
 * @param scoresDate  the date those scores were computed for
 * @param computedAt  ISO-8601 instant they were computed
 * @param ageMinutes  their age when looked up
 * @param count       how many stocks they cover
 */
public record LastGoodScores(boolean found, LocalDate scoresDate, String computedAt, long ageMinutes, int count) {
}
