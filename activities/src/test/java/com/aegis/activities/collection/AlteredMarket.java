package com.aegis.activities.collection;

import com.aegis.core.market.Symbol;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.Disclosure;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.GlobalObservation;
import com.aegis.marketsim.generator.IndexBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.QuarterlyStatement;
import com.aegis.marketsim.providers.ProviderData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The shared test market as the simulated providers serve it, with faults a test plants: altered bars of one day,
 * extra instruments the stock master does not know, extra filings and replaced statements.
 */
final class AlteredMarket implements ProviderData {

    private final ProviderData base;
    private final Map<LocalDate, UnaryOperator<List<DailyBar>>> bars = new HashMap<>();
    private final List<Instrument> extraInstruments = new ArrayList<>();
    private final List<Disclosure> extraDisclosures = new ArrayList<>();
    private final Map<Symbol, List<QuarterlyStatement>> statements = new HashMap<>();

    AlteredMarket(ProviderData base) {
        this.base = base;
    }

    AlteredMarket alterBars(LocalDate day, UnaryOperator<List<DailyBar>> change) {
        bars.put(day, change);
        return this;
    }

    AlteredMarket addInstrument(Instrument instrument) {
        extraInstruments.add(instrument);
        return this;
    }

    AlteredMarket addDisclosure(Disclosure d) {
        extraDisclosures.add(d);
        return this;
    }

    AlteredMarket replaceStatements(Symbol symbol, List<QuarterlyStatement> list) {
        statements.put(symbol, List.copyOf(list));
        return this;
    }

    @Override
    public List<LocalDate> tradingDays() {
        return base.tradingDays();
    }

    @Override
    public List<Instrument> instruments() {
        List<Instrument> all = new ArrayList<>(base.instruments());
        all.addAll(extraInstruments);
        return all;
    }

    @Override
    public List<DailyBar> barsOn(LocalDate tradeDate) {
        List<DailyBar> original = base.barsOn(tradeDate);
        UnaryOperator<List<DailyBar>> change = bars.get(tradeDate);
        return change == null ? original : change.apply(new ArrayList<>(original));
    }

    @Override
    public String sectorName(String sectorCode) {
        return base.sectorName(sectorCode);
    }

    @Override
    public Optional<Instrument> instrumentByCorpCode(String corpCode) {
        return base.instrumentByCorpCode(corpCode);
    }

    @Override
    public List<IndexBar> indexBars(String indexCode, LocalDate from, LocalDate to) {
        return base.indexBars(indexCode, from, to);
    }

    @Override
    public long indexMarketCap(String indexCode, LocalDate tradeDate) {
        return base.indexMarketCap(indexCode, tradeDate);
    }

    @Override
    public List<QuarterlyStatement> statements(Symbol symbol) {
        return statements.getOrDefault(symbol, base.statements(symbol));
    }

    @Override
    public List<Disclosure> disclosures() {
        if (extraDisclosures.isEmpty()) {
            return base.disclosures();
        }
        List<Disclosure> all = new ArrayList<>(base.disclosures());
        all.addAll(extraDisclosures);
        all.sort(Comparator.comparing(Disclosure::filedAt).thenComparing(Disclosure::rceptNo));
        return all;
    }

    @Override
    public List<GlobalObservation> globalSeries(GlobalIndicator indicator) {
        return base.globalSeries(indicator);
    }
}
