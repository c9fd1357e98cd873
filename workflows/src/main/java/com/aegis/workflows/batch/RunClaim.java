package com.aegis.workflows.batch;

/**
 * The answer to "may this job run for this date?".
 *
 * @param proceed        false when the job already succeeded for the date and the run is not forced
 * @param previousStatus the status recorded before this claim ({@code RUNNING}, {@code SUCCEEDED}, ...), or null
 * @param attempt        1 for the first run of the date, then counting forced or retried runs
 */
public record RunClaim(boolean proceed, String previousStatus, int attempt) {
}
