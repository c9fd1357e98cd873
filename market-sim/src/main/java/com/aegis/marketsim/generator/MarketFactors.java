package com.aegis.marketsim.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The common parts of every stock's daily log return: the market factor (regime drift, GARCH volatility scaled by
 * the regime, Student-t shocks, the previous US session's lead) and one Student-t factor per sector.
 */
final class MarketFactors {

    /** Long-run daily volatility of the market factor (about 15% a year). */
    static final double MARKET_DAILY_VOL = 0.0095;
    static final double SECTOR_DAILY_VOL = 0.0065;
    static final double NULL_MARKET_DRIFT = 0.0002;
    static final int SHOCK_DOF = 5;
    private static final double[][] TRANSITIONS = {
        // to BULL, SIDEWAYS, BEAR
        {0.992, 0.006, 0.002}, // from BULL: about 125 sessions on average
        {0.006, 0.990, 0.004}, // from SIDEWAYS: about 100 sessions
        {0.005, 0.010, 0.985}, // from BEAR: about 67 sessions
    };

    final double[] market;
    final double[][] sector;
    final MarketRegime[] regime;

    private MarketFactors(double[] market, double[][] sector, MarketRegime[] regime) {
        this.market = market;
        this.sector = sector;
        this.regime = regime;
    }

    static MarketFactors simulate(GeneratorConfig config, int historyDays, int sectors, double[] leadShock) {
        PlantedEffects fx = config.activeEffects();
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.MARKET, 0);
        double[] market = new double[historyDays];
        MarketRegime[] regime = new MarketRegime[historyDays];
        MarketRegime state = fx.regimeSwitching() ? initialRegime(r) : MarketRegime.SIDEWAYS;
        double longRunVar = MARKET_DAILY_VOL * MARKET_DAILY_VOL;
        double variance = longRunVar;
        double lastShock = 0;
        double lead = fx.globalLead();
        double own = StrictMath.sqrt(1 - lead * lead);
        for (int t = 0; t < historyDays; t++) {
            if (fx.regimeSwitching() && t > 0) {
                state = next(state, r.uniform());
            }
            regime[t] = state;
            if (fx.volatilityClustering()) {
                variance = longRunVar * (1 - 0.08 - 0.90) + 0.08 * lastShock * lastShock + 0.90 * variance;
            }
            double sigma = StrictMath.sqrt(variance) * (fx.regimeSwitching() ? state.volatilityMultiplier() : 1.0);
            double z = lead * leadShock[t] + own * r.studentT(SHOCK_DOF);
            double shock = sigma * z;
            lastShock = shock / (fx.regimeSwitching() ? state.volatilityMultiplier() : 1.0);
            market[t] = (fx.regimeSwitching() ? state.dailyDrift() : NULL_MARKET_DRIFT) + shock;
        }
        double[][] sector = new double[sectors][historyDays];
        if (fx.sectorComovement() > 0) {
            for (int s = 0; s < sectors; s++) {
                RandomStream sr = RandomStream.of(config.seed(), RandomStream.Purpose.SECTOR, s);
                for (int t = 0; t < historyDays; t++) {
                    double mult = fx.regimeSwitching() ? regime[t].volatilityMultiplier() : 1.0;
                    sector[s][t] = fx.sectorComovement() * SECTOR_DAILY_VOL * mult * sr.studentT(SHOCK_DOF);
                }
            }
        }
        return new MarketFactors(market, sector, regime);
    }

    private static MarketRegime initialRegime(RandomStream r) {
        double u = r.uniform();
        return u < 0.45 ? MarketRegime.BULL : u < 0.8 ? MarketRegime.SIDEWAYS : MarketRegime.BEAR;
    }

    private static MarketRegime next(MarketRegime from, double u) {
        double[] row = TRANSITIONS[from.ordinal()];
        double acc = 0;
        for (int k = 0; k < row.length; k++) {
            acc += row[k];
            if (u < acc) {
                return MarketRegime.values()[k];
            }
        }
        return from;
    }

    List<RegimeSpan> spans(List<LocalDate> days) {
        List<RegimeSpan> spans = new ArrayList<>();
        int from = 0;
        for (int t = 1; t <= regime.length; t++) {
            if (t == regime.length || regime[t] != regime[from]) {
                spans.add(new RegimeSpan(regime[from], days.get(from), days.get(t - 1)));
                from = t;
            }
        }
        return spans;
    }
}
