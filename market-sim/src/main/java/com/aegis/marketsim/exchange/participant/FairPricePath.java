package com.aegis.marketsim.exchange.participant;

import com.aegis.marketsim.exchange.DayPlan;
import java.util.SplittableRandom;

/**
 * The crowd's shared idea of a stock's value through continuous trading, one point per minute: it starts at the
 * planned open, touches the planned high and the planned low at random minutes (in random order), ends at the planned
 * close, and wanders between those anchors as a Brownian bridge clipped to [low, high].
 */
final class FairPricePath {

    private final double[] perMinute;

    FairPricePath(DayPlan plan, int minutes, SplittableRandom rng) {
        int n = Math.max(minutes, 4);
        perMinute = new double[n + 1];
        int lo = Math.max(1, n / 20);
        int span = Math.max(2, n - 2 * lo);
        int t1 = lo + rng.nextInt(span);
        int t2 = lo + rng.nextInt(span);
        if (t1 == t2) {
            t2 = t1 + 1 < n ? t1 + 1 : t1 - 1;
        }
        int first = Math.min(t1, t2);
        int second = Math.max(t1, t2);
        boolean highFirst = rng.nextBoolean();
        double range = plan.high() - plan.low();
        double sigma = range * 0.04;
        int[] times = {0, first, second, n};
        double[] levels = {plan.open(), highFirst ? plan.high() : plan.low(), highFirst ? plan.low() : plan.high(),
                plan.close()};
        for (int seg = 0; seg < 3; seg++) {
            fillBridge(times[seg], times[seg + 1], levels[seg], levels[seg + 1], sigma, rng);
        }
        for (int i = 0; i <= n; i++) {
            perMinute[i] = Math.max(plan.low(), Math.min(plan.high(), perMinute[i]));
        }
    }

    private void fillBridge(int from, int to, double a, double b, double sigma, SplittableRandom rng) {
        int len = to - from;
        double[] walk = new double[len + 1];
        for (int i = 1; i <= len; i++) {
            walk[i] = walk[i - 1] + sigma * gaussian(rng);
        }
        for (int i = 0; i <= len; i++) {
            double frac = len == 0 ? 1.0 : (double) i / len;
            double bridge = walk[i] - frac * walk[len];
            perMinute[from + i] = a + (b - a) * frac + bridge;
        }
    }

    /** Fair value at a (fractional) minute of continuous trading; beyond the end it stays at the close. */
    double at(double minute) {
        if (minute <= 0) {
            return perMinute[0];
        }
        int last = perMinute.length - 1;
        if (minute >= last) {
            return perMinute[last];
        }
        int i = (int) minute;
        double frac = minute - i;
        return perMinute[i] + (perMinute[i + 1] - perMinute[i]) * frac;
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
