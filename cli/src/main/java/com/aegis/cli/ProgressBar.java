package com.aegis.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for long work: {@code [#########-----------]  45%  prices  1,234 / 2,800}. Redrawn in place
 * with a carriage return; each stage ends on its own line.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private String stage = "";
    private int lastPercent = -1;

    private final boolean interactive;

    /** On a terminal the bar redraws in place; in a log or a pipe only each finished stage is printed. */
    ProgressBar(PrintWriter out) {
        this(out, System.console() != null);
    }

    ProgressBar(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    synchronized void update(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            if (!stage.isEmpty() && interactive) {
                out.println();
            }
            stage = newStage;
            lastPercent = -1;
        }
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent || (!interactive && percent < 100)) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf((interactive ? "\r" : "") + "  [%s%s] %3d%%  %-13s %,d / %,d", "#".repeat(filled), "-".repeat(WIDTH - filled), percent, stage,
                done, total);
        if (!interactive) {
            out.println();
        }
        out.flush();
    }

    synchronized void finish() {
        if (!stage.isEmpty() && interactive) {
            out.println();
            out.flush();
        }
        stage = "";
    }
}
