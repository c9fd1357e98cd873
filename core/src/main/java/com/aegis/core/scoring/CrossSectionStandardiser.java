package com.aegis.core.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorSnapshot;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.Neutralisation;
import com.aegis.core.factors.Sector;
import com.aegis.core.validation.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a day's raw factor snapshots into comparable z-scores, factor by factor:
 * <ol>
 *   <li>winsorise the present values of the whole market at the configured percentiles;</li>
 *   <li>standardise: value and quality factors within the sector (mean and population deviation of the sector's
 *       winsorised values) when the sector has at least {@code minSectorSize} values, otherwise and for momentum,
 *       volatility and growth against the whole market;</li>
 *   <li>flip the sign of lower-is-better factors (PBR, PER, PCR, debt ratio, beta, volatility);</li>
 *   <li>impute missing values by the {@link MissingValuePolicy} and flag them.</li>
 * </ol>
 * Output order is input order.
 */
public final class CrossSectionStandardiser {

    private final CrossSectionSettings settings;

    public CrossSectionStandardiser(CrossSectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public List<StandardisedStock> standardise(List<FactorSnapshot> snapshots) {
        int n = snapshots.size();
        List<Map<Factor, FactorExposure>> exposures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            exposures.add(new EnumMap<>(Factor.class));
        }
        for (Factor factor : Factor.values()) {
            standardiseFactor(factor, snapshots, exposures);
        }
        List<StandardisedStock> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FactorSnapshot s = snapshots.get(i);
            out.add(new StandardisedStock(s.symbol(), s.sector(), exposures.get(i)));
        }
        return out;
    }

    private void standardiseFactor(Factor factor, List<FactorSnapshot> snapshots,
            List<Map<Factor, FactorExposure>> exposures) {
        int n = snapshots.size();
        int[] presentIndex = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (snapshots.get(i).get(factor).isPresent()) {
                presentIndex[m++] = i;
            }
        }
        double[] raw = new double[m];
        for (int k = 0; k < m; k++) {
            raw[k] = snapshots.get(presentIndex[k]).get(factor).value();
        }
        double[] winsorised = settings.winsorizer().winsorise(raw);
        double[] z = new double[n];
        double[] w = new double[n];
        Arrays.fill(w, Double.NaN);
        Neutralisation[] against = new Neutralisation[n];
        for (int k = 0; k < m; k++) {
            w[presentIndex[k]] = winsorised[k];
        }

        double[] marketZ = ZScores.of(winsorised);
        for (int k = 0; k < m; k++) {
            z[presentIndex[k]] = marketZ[k];
            against[presentIndex[k]] = Neutralisation.MARKET;
        }
        if (factor.neutralisation() == Neutralisation.SECTOR) {
            Map<Sector, List<Integer>> bySector = new LinkedHashMap<>();
            for (int k = 0; k < m; k++) {
                bySector.computeIfAbsent(snapshots.get(presentIndex[k]).sector(), s -> new ArrayList<>())
                        .add(presentIndex[k]);
            }
            for (List<Integer> members : bySector.values()) {
                if (members.size() < settings.minSectorSize()) {
                    continue;
                }
                double[] values = members.stream().mapToDouble(i -> w[i]).toArray();
                double[] sectorZ = ZScores.of(values);
                for (int j = 0; j < members.size(); j++) {
                    z[members.get(j)] = sectorZ[j];
                    against[members.get(j)] = Neutralisation.SECTOR;
                }
            }
        }
        double sign = factor.lowerIsBetter() ? -1 : 1;
        for (int k = 0; k < m; k++) {
            // + 0.0 turns a flipped −0.0 into 0.0, so an average stock prints as 0.
            z[presentIndex[k]] = sign * z[presentIndex[k]] + 0.0;
        }

        Map<Sector, Double> sectorMedian = new HashMap<>();
        if (settings.missingValues() == MissingValuePolicy.SECTOR_MEDIAN && m < n) {
            Map<Sector, List<Double>> zBySector = new HashMap<>();
            for (int k = 0; k < m; k++) {
                zBySector.computeIfAbsent(snapshots.get(presentIndex[k]).sector(), s -> new ArrayList<>())
                        .add(z[presentIndex[k]]);
            }
            zBySector.forEach((sector, values) ->
                    sectorMedian.put(sector, Statistics.median(values.stream().mapToDouble(d -> d).toArray())));
        }
        for (int i = 0; i < n; i++) {
            FactorValue value = snapshots.get(i).get(factor);
            if (value.isPresent()) {
                exposures.get(i).put(factor, new FactorExposure(factor, value, w[i], z[i], false, against[i]));
            } else {
                double imputed = settings.missingValues() == MissingValuePolicy.SECTOR_MEDIAN
                        ? sectorMedian.getOrDefault(snapshots.get(i).sector(), 0.0) : 0.0;
                exposures.get(i).put(factor, new FactorExposure(factor, value, Double.NaN, imputed, true,
                        factor.neutralisation()));
            }
        }
    }
}
