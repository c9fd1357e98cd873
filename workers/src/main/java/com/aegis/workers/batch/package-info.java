/**
 * The batch schedules and the scoring pipeline in the workers: the activities on {@code aegis-batch} with their
 * settings from {@code aegis.batch.*}, {@code aegis.ai.*} and {@code aegis.cache.*}, the analytics cache, and the
 * schedules created or updated at start.
 */
package com.aegis.workers.batch;
