package com.aegis.marketsim.generator;

/** Receives progress of a long generation or load, e.g. to draw a progress bar. Called from the calling thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores all progress. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being worked on, e.g. "prices" or "daily_bar"
     * @param done  units finished in this stage
     * @param total units in this stage
     */
    void progress(String stage, long done, long total);
}
