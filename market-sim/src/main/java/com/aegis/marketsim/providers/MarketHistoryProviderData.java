package com.aegis.marketsim.providers;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.DailyBarTable;
import com.aegis.marketsim.generator.Disclosure;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.GlobalObservation;
import com.aegis.marketsim.generator.IndexBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.QuarterlyStatement;
import com.aegis.marketsim.generator.SectorDef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ProviderData} over a {@link MarketHistory}, with the lookups the services need indexed once. */
public final class MarketHistoryProviderData implements ProviderData {

    private final MarketHistory history;
    private final Map<String, String> sectorNames = new HashMap<>();
    private final Map<String, Instrument> byCorpCode = new HashMap<>();
    private final Map<String, List<IndexBar>> indexBars = new HashMap<>();
    private final Map<Symbol, List<QuarterlyStatement>> statements = new HashMap<>();
    private final Map<GlobalIndicator, List<GlobalObservation>> globals = new EnumMap<>(GlobalIndicator.class);
    private final List<Disclosure> disclosures;

    public MarketHistoryProviderData(MarketHistory history) {
        this.history = Objects.requireNonNull(history, "history");
        for (SectorDef s : history.sectors()) {
            sectorNames.put(s.code(), s.nameKo());
        }
        for (Instrument i : history.instruments()) {
            if (i.corpCode() != null) {
                byCorpCode.putIfAbsent(i.corpCode(), i);
            }
        }
        for (IndexBar b : history.indexBars()) {
            indexBars.computeIfAbsent(b.indexCode(), k -> new ArrayList<>()).add(b);
        }
        indexBars.values().forEach(l -> l.sort(Comparator.comparing(IndexBar::tradeDate)));
        for (QuarterlyStatement q : history.statements()) {
            statements.computeIfAbsent(q.symbol(), k -> new ArrayList<>()).add(q);
        }
        statements.values().forEach(l -> l.sort(Comparator.comparing(QuarterlyStatement::periodEnd)));
        for (GlobalObservation o : history.globalObservations()) {
            globals.computeIfAbsent(o.indicator(), k -> new ArrayList<>()).add(o);
        }
        globals.values().forEach(l -> l.sort(Comparator.comparing(GlobalObservation::date)));
        List<Disclosure> sorted = new ArrayList<>(history.disclosures());
        sorted.sort(Comparator.comparing(Disclosure::filedAt).thenComparing(Disclosure::rceptNo));
        this.disclosures = List.copyOf(sorted);
    }

    @Override
    public List<LocalDate> tradingDays() {
        return history.tradingDays();
    }

    @Override
    public List<Instrument> instruments() {
        return history.instruments();
    }

    @Override
    public List<DailyBar> barsOn(LocalDate tradeDate) {
        int day = Collections.binarySearch(history.tradingDays(), tradeDate);
        if (day < 0) {
            return List.of();
        }
        DailyBarTable bars = history.bars();
        List<DailyBar> out = new ArrayList<>();
        for (int i = 0; i < bars.stockCount(); i++) {
            if (bars.hasBar(i, day)) {
                out.add(bars.bar(i, day));
            }
        }
        return out;
    }

    @Override
    public String sectorName(String sectorCode) {
        return sectorNames.getOrDefault(sectorCode, "기타");
    }

    @Override
    public Optional<Instrument> instrumentByCorpCode(String corpCode) {
        return Optional.ofNullable(byCorpCode.get(corpCode));
    }

    @Override
    public List<IndexBar> indexBars(String indexCode, LocalDate from, LocalDate to) {
        List<IndexBar> out = new ArrayList<>();
        for (IndexBar b : indexBars.getOrDefault(indexCode, List.of())) {
            if (!b.tradeDate().isBefore(from) && !b.tradeDate().isAfter(to)) {
                out.add(b);
            }
        }
        return out;
    }

    @Override
    public long indexMarketCap(String indexCode, LocalDate tradeDate) {
        int day = Collections.binarySearch(history.tradingDays(), tradeDate);
        if (day < 0) {
            return 0;
        }
        DailyBarTable bars = history.bars();
        long sum = 0;
        for (int i = 0; i < bars.stockCount(); i++) {
            Instrument ins = history.instruments().get(i);
            boolean member = switch (indexCode) {
                case "KOSPI" -> ins.market() == Market.KOSPI;
                case "KOSDAQ" -> ins.market() == Market.KOSDAQ;
                case "KOSPI200" -> ins.kospi200();
                default -> false;
            };
            if (member && bars.hasBar(i, day)) {
                sum += history.marketCap(i, day);
            }
        }
        return sum;
    }

    @Override
    public List<QuarterlyStatement> statements(Symbol symbol) {
        return statements.getOrDefault(symbol, List.of());
    }

    @Override
    public List<Disclosure> disclosures() {
        return disclosures;
    }

    @Override
    public List<GlobalObservation> globalSeries(GlobalIndicator indicator) {
        return globals.getOrDefault(indicator, List.of());
    }
}
