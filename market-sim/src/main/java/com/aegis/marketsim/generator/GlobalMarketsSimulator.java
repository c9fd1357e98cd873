package com.aegis.marketsim.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily closes of the global series on weekdays (US sessions approximated as weekdays). The S&P 500 follows a
 * GARCH(1,1) with Student-t shocks; the others load on its shock. Its standardised shock of the last US session
 * before a Korean trading day is that day's lead input to the Korean market factor.
 */
final class GlobalMarketsSimulator {

    record Result(List<GlobalObservation> observations, double[] leadShockByKoreanDay) {
    }

    private final GeneratorConfig config;

    GlobalMarketsSimulator(GeneratorConfig config) {
        this.config = config;
    }

    Result simulate(List<LocalDate> koreanDays) {
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.GLOBAL, 0);
        LocalDate from = koreanDays.get(0).minusDays(10);
        LocalDate to = koreanDays.get(koreanDays.size() - 1);
        List<LocalDate> weekdays = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(d);
            }
        }
        int n = weekdays.size();
        double[] shock = new double[n];
        List<GlobalObservation> out = new ArrayList<>(n * GlobalIndicator.values().length);
        double sp = 4_550;
        double nasdaq = 14_200;
        double krw = 1_320;
        double tnx = 4.40;
        double wti = 78;
        double vix = 15.5;
        double longRunVar = 0.011 * 0.011;
        double variance = longRunVar;
        double lastReturn = 0;
        for (int k = 0; k < n; k++) {
            variance = longRunVar * (1 - 0.09 - 0.89) + 0.09 * lastReturn * lastReturn + 0.89 * variance;
            double z = r.studentT(5);
            shock[k] = z;
            double spReturn = 0.0003 + StrictMath.sqrt(variance) * z;
            lastReturn = spReturn - 0.0003;
            sp *= StrictMath.exp(spReturn);
            nasdaq *= StrictMath.exp(0.0001 + 1.15 * spReturn + 0.006 * r.normal());
            krw *= StrictMath.exp(-0.25 * spReturn + 0.004 * r.normal() + 0.002 * (StrictMath.log(1_320 / krw)));
            tnx = clamp(tnx + 0.002 * (4.0 - tnx) + 0.05 * r.normal() + 1.5 * spReturn, 0.3, 9.0);
            wti = clamp(wti * StrictMath.exp(0.3 * spReturn + 0.02 * r.normal() + 0.003 * StrictMath.log(78 / wti)),
                    15, 200);
            double logVix = StrictMath.log(vix);
            logVix += 0.03 * (StrictMath.log(16) - logVix) - 5.0 * spReturn + 0.04 * r.normal();
            vix = clamp(StrictMath.exp(logVix), 9, 85);
            LocalDate d = weekdays.get(k);
            out.add(new GlobalObservation(GlobalIndicator.SP500, d, round(sp, 2)));
            out.add(new GlobalObservation(GlobalIndicator.NASDAQ_COMPOSITE, d, round(nasdaq, 2)));
            out.add(new GlobalObservation(GlobalIndicator.USD_KRW, d, round(krw, 2)));
            out.add(new GlobalObservation(GlobalIndicator.US_10Y_YIELD, d, round(tnx, 3)));
            out.add(new GlobalObservation(GlobalIndicator.WTI_CRUDE, d, round(wti, 2)));
            out.add(new GlobalObservation(GlobalIndicator.VIX, d, round(vix, 2)));
        }
        double[] lead = new double[koreanDays.size()];
        int k = 0;
        for (int t = 0; t < koreanDays.size(); t++) {
            LocalDate kd = koreanDays.get(t);
            while (k + 1 < n && weekdays.get(k + 1).isBefore(kd)) {
                k++;
            }
            // weekdays.get(k) is the last US session strictly before the Korean session.
            lead[t] = shock[k];
        }
        return new Result(List.copyOf(out), lead);
    }

    static double round(double value, int decimals) {
        double scale = StrictMath.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
