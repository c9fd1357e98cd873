/**
 * Bookkeeping of the scheduled batch jobs (requirement T2) in {@code batch_run}: the claim that keeps a job from
 * running twice for a date, the record of how each run ended, and the queries the command line shows.
 */
package com.aegis.activities.batch;
