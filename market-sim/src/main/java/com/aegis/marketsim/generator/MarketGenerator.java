package com.aegis.marketsim.generator;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Generates a complete synthetic Korean market from a {@link GeneratorConfig}. Pure function of the config:
 * no clock, no unseeded randomness, identical output for any thread count. See {@code market-sim/GENERATOR.md}.
 */
public final class MarketGenerator {

    private MarketGenerator() {
    }

    public static MarketHistory generate(GeneratorConfig config, ProgressListener progress) {
        Objects.requireNonNull(config, "config");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        KrxCalendar calendar = KrxCalendar.standard();
        List<LocalDate> days = calendar.tradingDays(config.startDate(), config.endDate());
        if (days.size() < 20) {
            throw new IllegalArgumentException("the period " + config.startDate() + ".." + config.endDate()
                    + " has only " + days.size() + " trading days; at least 20 are needed");
        }
        BusinessDays businessDays = new BusinessDays(calendar);
        LocalDate baseDate = businessDays.onOrBefore(days.get(0).minusDays(1));
        int historyDays = days.size();

        listener.progress("universe", 0, 3);
        List<StockProfile> stocks = new UniverseBuilder(config, days).build();
        listener.progress("universe", 1, 3);
        List<StatusEvent> statusEvents = new ArrayList<>(new StatusPlanner(config, days).plan(stocks));
        listener.progress("universe", 2, 3);
        GlobalMarketsSimulator.Result global = new GlobalMarketsSimulator(config).simulate(days);
        MarketFactors factors = MarketFactors.simulate(config, historyDays, SectorCatalog.ENTRIES.size(),
                global.leadShockByKoreanDay());
        listener.progress("universe", 3, 3);

        FundamentalsGenerator fundamentals = new FundamentalsGenerator(config, businessDays, days.get(0),
                days.get(historyDays - 1));
        DisclosureGenerator disclosures = new DisclosureGenerator(config, days);
        PlantedEffects effects = config.activeEffects();
        List<List<FundamentalsGenerator.Draft>> statementDrafts = new ArrayList<>();
        List<DisclosureGenerator.Draft> allDisclosures = new ArrayList<>();
        double[][] extra = new double[stocks.size()][];
        for (StockProfile s : stocks) {
            List<FundamentalsGenerator.Draft> st = fundamentals.generate(s);
            statementDrafts.add(st);
            List<DisclosureGenerator.Draft> ds = disclosures.generate(s, st);
            if (effects.disclosureDrift() > 0 && !ds.isEmpty()) {
                extra[s.index] = new double[historyDays];
                disclosures.plantImpact(s, ds, effects.disclosureDrift(), extra[s.index]);
            }
            allDisclosures.addAll(ds);
            if ((s.index + 1) % 200 == 0 || s.index + 1 == stocks.size()) {
                listener.progress("fundamentals", s.index + 1, stocks.size());
            }
        }
        DisclosureGenerator.assignReceiptNumbers(allDisclosures, stocks);
        List<List<QuarterlyStatement>> statementsByStock = new ArrayList<>();
        List<QuarterlyStatement> statements = new ArrayList<>();
        for (List<FundamentalsGenerator.Draft> drafts : statementDrafts) {
            List<QuarterlyStatement> list = new ArrayList<>();
            for (FundamentalsGenerator.Draft d : drafts) {
                list.add(d.withReceipt());
            }
            list.sort(Comparator.comparing((QuarterlyStatement q) -> q.publishedAt().toInstant())
                    .thenComparing(QuarterlyStatement::periodEnd));
            statementsByStock.add(list);
            statements.addAll(list);
        }

        DailyBarTable bars = new PriceSimulator(config, days, stocks, factors, extra, statementsByStock)
                .run(listener);
        statusEvents.addAll(StatusPlanner.investmentWarnings(stocks, bars, days));
        statusEvents.sort(Comparator.comparing((StatusEvent e) -> e.effectiveFrom())
                .thenComparing(e -> e.symbol().code()).thenComparing(StatusEvent::kind));

        listener.progress("indices", 0, 1);
        IndexCalculator.Result indices = new IndexCalculator(days, stocks, bars).compute(baseDate);
        listener.progress("indices", 1, 1);

        List<Instrument> instruments = new ArrayList<>(stocks.size());
        for (StockProfile s : stocks) {
            instruments.add(new Instrument(Symbol.of(s.code), s.isin, s.corpCode, s.name, s.nameEn, s.market,
                    s.preferred ? SecurityType.PREFERRED : SecurityType.COMMON,
                    SectorCatalog.ENTRIES.get(s.sectorIndex).sector().code(), s.shares, s.parValue, s.listedOn,
                    s.delistedOn, indices.kospi200AtEnd()[s.index]));
        }
        List<Disclosure> disclosureList = new ArrayList<>(allDisclosures.size());
        for (DisclosureGenerator.Draft d : allDisclosures) {
            disclosureList.add(DisclosureGenerator.toDisclosure(d, stocks.get(d.stock)));
        }
        return new MarketHistory(config, SectorCatalog.sectors(), instruments, bars, statusEvents, indices.indices(),
                indices.bars(), statements, disclosureList, global.observations(), factors.spans(days));
    }
}
