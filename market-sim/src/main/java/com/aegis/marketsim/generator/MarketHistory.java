package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A generated market: reference data, daily bars (columnar, see {@link DailyBarTable}), indices, fundamentals,
 * disclosures, global series, halts and designations, and the regime path that drove it. Immutable.
 * Instruments are indexed 0..n-1 in the order of {@link #instruments()}, the same order the bar table uses.
 */
public final class MarketHistory {

    private final GeneratorConfig config;
    private final List<SectorDef> sectors;
    private final List<Instrument> instruments;
    private final DailyBarTable bars;
    private final List<StatusEvent> statusEvents;
    private final List<MarketIndex> indices;
    private final List<IndexBar> indexBars;
    private final List<QuarterlyStatement> statements;
    private final List<Disclosure> disclosures;
    private final List<GlobalObservation> globalObservations;
    private final List<RegimeSpan> regimes;
    private final Map<Symbol, Integer> indexBySymbol = new HashMap<>();

    public MarketHistory(GeneratorConfig config, List<SectorDef> sectors, List<Instrument> instruments,
                         DailyBarTable bars, List<StatusEvent> statusEvents, List<MarketIndex> indices,
                         List<IndexBar> indexBars, List<QuarterlyStatement> statements, List<Disclosure> disclosures,
                         List<GlobalObservation> globalObservations, List<RegimeSpan> regimes) {
        this.config = Objects.requireNonNull(config, "config");
        this.sectors = List.copyOf(sectors);
        this.instruments = List.copyOf(instruments);
        this.bars = Objects.requireNonNull(bars, "bars");
        this.statusEvents = List.copyOf(statusEvents);
        this.indices = List.copyOf(indices);
        this.indexBars = List.copyOf(indexBars);
        this.statements = List.copyOf(statements);
        this.disclosures = List.copyOf(disclosures);
        this.globalObservations = List.copyOf(globalObservations);
        this.regimes = List.copyOf(regimes);
        if (bars.stockCount() != instruments.size()) {
            throw new IllegalArgumentException("bar table has " + bars.stockCount() + " stocks but there are "
                    + instruments.size() + " instruments");
        }
        for (int i = 0; i < instruments.size(); i++) {
            Symbol symbol = instruments.get(i).symbol();
            if (!symbol.equals(bars.symbol(i))) {
                throw new IllegalArgumentException("instrument " + i + " is " + symbol + " but the bar table has "
                        + bars.symbol(i));
            }
            if (indexBySymbol.put(symbol, i) != null) {
                throw new IllegalArgumentException("duplicate symbol " + symbol);
            }
        }
    }

    public GeneratorConfig config() {
        return config;
    }

    public List<SectorDef> sectors() {
        return sectors;
    }

    public List<Instrument> instruments() {
        return instruments;
    }

    public DailyBarTable bars() {
        return bars;
    }

    public List<LocalDate> tradingDays() {
        return bars.tradingDays();
    }

    public List<StatusEvent> statusEvents() {
        return statusEvents;
    }

    public List<MarketIndex> indices() {
        return indices;
    }

    public List<IndexBar> indexBars() {
        return indexBars;
    }

    public List<QuarterlyStatement> statements() {
        return statements;
    }

    public List<Disclosure> disclosures() {
        return disclosures;
    }

    public List<GlobalObservation> globalObservations() {
        return globalObservations;
    }

    /** The hidden regime path (ground truth for evaluation, not something a trading model may read). */
    public List<RegimeSpan> regimes() {
        return regimes;
    }

    /** Position of the symbol in {@link #instruments()}. */
    public int indexOf(Symbol symbol) {
        Integer i = indexBySymbol.get(symbol);
        if (i == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not part of this generated universe");
        }
        return i;
    }

    public Instrument instrument(Symbol symbol) {
        return instruments.get(indexOf(symbol));
    }

    /** All bars of one stock in date order. */
    public List<DailyBar> barsOf(Symbol symbol) {
        int i = indexOf(symbol);
        List<DailyBar> out = new ArrayList<>(bars.endDay(i) - bars.firstDay(i));
        for (int t = bars.firstDay(i); t < bars.endDay(i); t++) {
            out.add(bars.bar(i, t));
        }
        return out;
    }

    /** Close times listed shares, in KRW. */
    public long marketCap(int stock, int day) {
        return Math.multiplyExact(bars.close(stock, day), instruments.get(stock).listedShares());
    }

    /** Visits every bar, stock by stock, each stock in date order. */
    public void forEachBar(Consumer<DailyBar> visitor) {
        for (int i = 0; i < bars.stockCount(); i++) {
            for (int t = bars.firstDay(i); t < bars.endDay(i); t++) {
                visitor.accept(bars.bar(i, t));
            }
        }
    }
}
