package com.aegis.marketsim.providers;

import com.aegis.core.market.Symbol;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.Disclosure;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.GlobalObservation;
import com.aegis.marketsim.generator.IndexBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.QuarterlyStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the simulated providers read from a generated market; small enough to back with a test history. */
public interface ProviderData {

    /** KRX trading days of the history, ascending. */
    List<LocalDate> tradingDays();

    /** Every instrument ever listed in the history, in a fixed order. */
    List<Instrument> instruments();

    /** Bars of every instrument that has one on that trading day, in {@link #instruments()} order; empty otherwise. */
    List<DailyBar> barsOn(LocalDate tradeDate);

    /** Korean industry name of a KRX sector code (IDX_IND_NM). */
    String sectorName(String sectorCode);

    /** Instrument filed under an OpenDART company code. */
    Optional<Instrument> instrumentByCorpCode(String corpCode);

    /** Daily bars of an index (KOSPI, KOSPI200, KOSDAQ) within [from, to], ascending. */
    List<IndexBar> indexBars(String indexCode, LocalDate from, LocalDate to);

    /** Sum of close x listed shares over the index members on that day; 0 when nothing traded. */
    long indexMarketCap(String indexCode, LocalDate tradeDate);

    /** Quarterly statements of one company, ascending by period end. */
    List<QuarterlyStatement> statements(Symbol symbol);

    /** All filings, ascending by filing time. */
    List<Disclosure> disclosures();

    /** One global series, ascending by date. */
    List<GlobalObservation> globalSeries(GlobalIndicator indicator);
}
