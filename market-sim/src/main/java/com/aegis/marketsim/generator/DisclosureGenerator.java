package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DART-like filings: one periodic report per published statement and event filings (capital changes, contracts,
 * shareholder changes, lawsuits, dividends) as Poisson arrivals. With the disclosure drift effect on, each filing
 * moves its stock: half of the planted return as a jump in the first session that can react (the filing day if
 * filed before 15:20 KST, else the next session), the other half spread evenly over the following 20 sessions.
 */
final class DisclosureGenerator {

    static final int DRIFT_SESSIONS = 20;
    /** Planted total impact in units of the stock's daily idiosyncratic volatility, per unit of tone. */
    static final double IMPACT_VOL_MULTIPLE = 2.0;
    private static final LocalTime LAST_REACTABLE_TIME = LocalTime.of(15, 20);

    static final class Draft {
        final int stock;
        final int sequence;
        final DisclosureType type;
        final String title;
        final OffsetDateTime filedAt;
        final double tone;
        final FundamentalsGenerator.Draft statement;
        double plantedReturn;
        String rceptNo;

        Draft(int stock, int sequence, DisclosureType type, String title, OffsetDateTime filedAt, double tone,
              FundamentalsGenerator.Draft statement) {
            this.stock = stock;
            this.sequence = sequence;
            this.type = type;
            this.title = title;
            this.filedAt = filedAt;
            this.tone = tone;
            this.statement = statement;
        }
    }

    private final GeneratorConfig config;
    private final List<LocalDate> days;
    private final Map<LocalDate, Integer> dayIndex = new HashMap<>();

    DisclosureGenerator(GeneratorConfig config, List<LocalDate> days) {
        this.config = config;
        this.days = days;
        for (int t = 0; t < days.size(); t++) {
            dayIndex.put(days.get(t), t);
        }
    }

    List<Draft> generate(StockProfile s, List<FundamentalsGenerator.Draft> statements) {
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.DISCLOSURES, s.index);
        List<Draft> out = new ArrayList<>();
        int seq = 0;
        if (!s.preferred) {
            for (FundamentalsGenerator.Draft st : statements) {
                QuarterlyStatement f = st.figures;
                DisclosureType type = switch (f.fiscalQuarter()) {
                    case 2 -> DisclosureType.HALF_YEAR_REPORT;
                    case 4 -> DisclosureType.ANNUAL_REPORT;
                    default -> DisclosureType.QUARTERLY_REPORT;
                };
                String title = type.reportName() + " (" + f.periodEnd().format(DateTimeFormatter.ofPattern("yyyy.MM"))
                        + ")";
                out.add(new Draft(s.index, seq++, type, title, f.publishedAt(), st.tone, st));
            }
            double years = (s.endDay - s.firstDay) / 245.0;
            boolean kospi = s.market == Market.KOSPI;
            seq = events(s, r, out, seq, DisclosureType.RIGHTS_ISSUE, (kospi ? 0.05 : 0.12) * years);
            seq = events(s, r, out, seq, DisclosureType.CONVERTIBLE_BOND_ISSUE, (kospi ? 0.04 : 0.2) * years);
            seq = events(s, r, out, seq, DisclosureType.TREASURY_STOCK_ACQUISITION, (kospi ? 0.15 : 0.08) * years);
            seq = events(s, r, out, seq, DisclosureType.SUPPLY_CONTRACT, 0.5 * years);
            seq = events(s, r, out, seq, DisclosureType.LARGEST_SHAREHOLDER_CHANGE, 0.04 * years);
            seq = events(s, r, out, seq, DisclosureType.LAWSUIT, 0.06 * years);
            events(s, r, out, seq, DisclosureType.CASH_DIVIDEND, (kospi ? 0.6 : 0.3) * years);
        }
        return out;
    }

    private int events(StockProfile s, RandomStream r, List<Draft> out, int seq, DisclosureType type, double mean) {
        int count = r.poisson(mean);
        for (int k = 0; k < count; k++) {
            int day = r.between(s.firstDay, s.endDay - 1);
            LocalDate date = days.get(day);
            double tone = type.baseTone() * r.uniform(0.6, 1.4);
            if (type == DisclosureType.LARGEST_SHAREHOLDER_CHANGE && r.chance(0.4)) {
                tone = -tone;
            }
            tone = Math.max(-1, Math.min(1, tone));
            OffsetDateTime at = OffsetDateTime.of(date, FundamentalsGenerator.filingTime(r), StatusPlanner.KST);
            out.add(new Draft(s.index, seq++, type, type.reportName(), at, tone, null));
        }
        return seq;
    }

    /** Adds the planted disclosure impact of the stock's filings to its per-session extra return. */
    void plantImpact(StockProfile s, List<Draft> drafts, double strength, double[] extra) {
        if (strength == 0) {
            return;
        }
        for (Draft d : drafts) {
            if (d.tone == 0) {
                continue;
            }
            int first = reactionDay(d.filedAt);
            while (first < s.endDay && first >= 0 && s.halted(first)) {
                first++;
            }
            if (first < s.firstDay || first >= s.endDay) {
                continue;
            }
            double total = strength * d.tone * IMPACT_VOL_MULTIPLE * s.idioVol;
            extra[first] += total / 2;
            double applied = total / 2;
            double perSession = total / 2 / DRIFT_SESSIONS;
            for (int t = first + 1; t <= first + DRIFT_SESSIONS && t < s.endDay; t++) {
                extra[t] += perSession;
                applied += perSession;
            }
            d.plantedReturn = applied;
        }
    }

    /** Index of the first session that can react to a filing, or -1 if it is outside the history. */
    int reactionDay(OffsetDateTime filedAt) {
        LocalDate date = filedAt.toLocalDate();
        Integer same = dayIndex.get(date);
        if (same != null && filedAt.toLocalTime().isBefore(LAST_REACTABLE_TIME)) {
            return same;
        }
        if (date.isBefore(days.get(0))) {
            return -1;
        }
        int idx = Collections.binarySearch(days, date);
        int next = idx >= 0 ? idx + 1 : -idx - 1;
        return next < days.size() ? next : -1;
    }

    /** Gives every filing a DART receipt number: filing date + a 6-digit sequence in order of filing that day. */
    static void assignReceiptNumbers(List<Draft> all, List<StockProfile> stocks) {
        all.sort(Comparator.comparing((Draft d) -> d.filedAt.toInstant())
                .thenComparing(d -> stocks.get(d.stock).code)
                .thenComparingInt(d -> d.type.ordinal())
                .thenComparingInt(d -> d.sequence));
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        LocalDate current = null;
        int seq = 0;
        for (Draft d : all) {
            LocalDate date = d.filedAt.toLocalDate();
            if (!date.equals(current)) {
                current = date;
                seq = 0;
            }
            seq++;
            d.rceptNo = date.format(ymd) + String.format(java.util.Locale.ROOT, "%06d", seq);
            if (d.statement != null) {
                d.statement.rceptNo = d.rceptNo;
            }
        }
    }

    static Disclosure toDisclosure(Draft d, StockProfile s) {
        return new Disclosure(d.rceptNo, Symbol.of(s.code), s.corpCode, s.name, d.type, d.title, d.filedAt,
                GlobalMarketsSimulator.round(d.tone, 4), GlobalMarketsSimulator.round(d.plantedReturn, 6));
    }
}
