package com.aegis.activities.collection;

import static com.aegis.activities.collection.CollectionActivitiesImpl.DATASET_DISCLOSURE;
import static com.aegis.activities.collection.CollectionActivitiesImpl.DATASET_FINANCIAL_STATEMENT;
import static com.aegis.activities.collection.CollectionActivitiesImpl.KIND_DISCLOSURE;
import static com.aegis.activities.collection.CollectionActivitiesImpl.KIND_FINANCIAL_STATEMENT;
import static com.aegis.activities.collection.CollectionActivitiesImpl.LAST_GOOD;
import static com.aegis.activities.collection.CollectionSupport.INSERT_ROWS;
import static com.aegis.activities.collection.CollectionSupport.blankToNull;
import static com.aegis.activities.collection.CollectionSupport.countRejected;
import static com.aegis.activities.collection.CollectionSupport.knownSymbols;
import static com.aegis.activities.collection.CollectionSupport.millisSince;
import static com.aegis.db.jooq.Tables.DISCLOSURE;
import static com.aegis.db.jooq.Tables.FUNDAMENTAL_STATEMENT;
import static com.aegis.db.jooq.Tables.INSTRUMENT;

import com.aegis.activities.cache.AnalyticsCache;
import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.quality.RejectedValue;
import com.aegis.activities.sources.DartDisclosure;
import com.aegis.activities.sources.DisclosureQuery;
import com.aegis.activities.sources.FetchRecord;
import com.aegis.activities.sources.Fetched;
import com.aegis.activities.sources.FinancialStatementLine;
import com.aegis.activities.sources.OpenDartClient;
import com.aegis.activities.sources.SourceException;
import com.aegis.core.market.Symbol;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CollectDisclosures}: the OpenDART filings of a day with their stock, and the statements of the periodic
 * reports among them, cleaned into single-quarter point-in-time rows.
 */
final class DisclosureCollector {

    private static final Logger log = LoggerFactory.getLogger(DisclosureCollector.class);

    private final DSLContext dsl;
    private final OpenDartClient dart;
    private final DataQualityRepository quality;
    private final AnalyticsCache cache;
    private final CollectionSettings settings;
    private final Clock clock;
    private final StatementCleaner statementCleaner;

    DisclosureCollector(DSLContext dsl, OpenDartClient dart, DataQualityRepository quality, AnalyticsCache cache,
                        CollectionSettings settings, Clock clock) {
        this.dsl = dsl;
        this.dart = dart;
        this.quality = quality;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        this.statementCleaner = new StatementCleaner(settings.balanceTolerance());
    }

    /** One periodic report to load, with its statement lines. */
    private record Filing(DartDisclosure disclosure, String symbol, DisclosureKind.Period period, String fsDiv,
                          List<FinancialStatementLine> lines) {
    }

    CollectionReport collect(CollectionRequest request) {
        LocalDate date = request.date();
        String batchId = request.batchId();
        Instant fetchedAt = clock.instant();
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Fetched<List<DartDisclosure>> listed;
        try {
            listed = dart.allDisclosures(DisclosureQuery.between(date, date));
        } catch (SourceException e) {
            return disclosuresFromLastGood(date, batchId, e, fetchedAt, start);
        }
        FetchRecord listRecord = new FetchRecord(KIND_DISCLOSURE, batchId, date, OpenDartClient.SOURCE,
                OpenDartClient.SOURCE, null, true, Math.max(1, listed.attempts()),
                Math.max(0, listed.elapsed().toMillis()), listed.value().size(), null, fetchedAt);
        List<FetchRecord> fetches = new ArrayList<>(List.of(listRecord));
        List<RejectedValue> quarantine = new ArrayList<>();
        Map<String, List<String[]>> byCorp = instrumentsByCorpCode();
        Set<String> knownSymbols = knownSymbols(dsl);
        OffsetDateTime filedAt = pointInTime(date, fetchedAt);

        List<DisclosureRow> rows = new ArrayList<>();
        List<Filing> filings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DartDisclosure d : listed.value()) {
            boolean badReceipt = !d.rceptNo().matches("\\d{14}");
            if (badReceipt || !d.corpCode().matches("\\d{8}")) {
                String field = badReceipt ? "rcept_no" : "corp_code";
                String value = badReceipt ? d.rceptNo() : d.corpCode();
                quarantine.add(new RejectedValue(batchId, DATASET_DISCLOSURE, d.rceptNo(), null, date, field, value,
                        QualityRule.PARSE_ERROR, field + " '" + value + "' is not " + (badReceipt ? 14 : 8)
                        + " digits (" + d.reportName() + ")", QualityAction.REJECTED, OpenDartClient.SOURCE,
                        fetchedAt));
                continue;
            }
            if (!seen.add(d.rceptNo())) {
                quarantine.add(new RejectedValue(batchId, DATASET_DISCLOSURE, d.rceptNo(), null, date, "rcept_no",
                        d.rceptNo(), QualityRule.DUPLICATE, "filing " + d.rceptNo() + " was listed twice",
                        QualityAction.REJECTED, OpenDartClient.SOURCE, fetchedAt));
                continue;
            }
            String symbol = resolveSymbol(d, byCorp, knownSymbols);
            rows.add(new DisclosureRow(d, symbol, DisclosureKind.typeOf(d.reportName())));
            if (symbol == null) {
                continue;
            }
            Optional<DisclosureKind.Period> period;
            try {
                period = DisclosureKind.periodOf(d.reportName());
            } catch (IllegalArgumentException e) {
                quarantine.add(new RejectedValue(batchId, DATASET_FINANCIAL_STATEMENT, d.rceptNo(),
                        Symbol.of(symbol), date, "report_nm", d.reportName(), QualityRule.PARSE_ERROR,
                        e.getMessage(), QualityAction.REJECTED, OpenDartClient.SOURCE, fetchedAt));
                continue;
            }
            period.flatMap(p -> fetchStatements(d, symbol, p, batchId, date, fetches, warnings))
                    .ifPresent(filings::add);
        }

        List<String> statementWarnings = new ArrayList<>();
        List<RejectedValue> statementIssues = new ArrayList<>();
        int[] statements = new int[1];
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Set<String> rceptNos = rows.stream().map(r -> r.disclosure().rceptNo()).collect(Collectors.toSet());
            OffsetDateTime dayStart = date.atStartOfDay(settings.zone()).toOffsetDateTime();
            OffsetDateTime dayEnd = date.plusDays(1).atStartOfDay(settings.zone()).toOffsetDateTime();
            t.deleteFrom(DISCLOSURE).where(DISCLOSURE.RCEPT_NO.in(rceptNos)
                    .or(DISCLOSURE.FILED_AT.ge(dayStart).and(DISCLOSURE.FILED_AT.lt(dayEnd)))).execute();
            t.deleteFrom(FUNDAMENTAL_STATEMENT).where(FUNDAMENTAL_STATEMENT.RCEPT_NO.in(rceptNos)).execute();
            insertDisclosures(t, rows, filedAt);
            statements[0] = writeStatements(t, filings, filedAt, batchId, fetchedAt, statementWarnings,
                    statementIssues);
        });
        warnings.addAll(statementWarnings);
        quarantine.addAll(statementIssues);
        quality.saveFetches(fetches);
        quality.saveRejections(quarantine);

        long withoutStock = rows.stream().filter(r -> r.symbol() == null).count();
        if (withoutStock > 0) {
            warnings.add(withoutStock + " filing(s) of " + date + " come from companies the stock master does not"
                    + " know by corp_code; stored without a symbol");
        }
        List<String> affected = rows.stream().map(DisclosureRow::symbol).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        for (String symbol : affected) {
            try {
                cache.invalidateStock(symbol, "new disclosure on " + date);
            } catch (RuntimeException e) {
                // The data is stored; a cache that cannot be reached expires by its TTL instead.
                warnings.add("could not invalidate the cached analytics of " + symbol + ": " + e.getMessage());
                log.warn("cache invalidation of {} failed", symbol, e);
            }
        }
        int stored = disclosuresOn(date);
        log.info("disclosures {}: {} listed, {} stored, {} statements, {} quarantined, {} stocks affected", date,
                listed.value().size(), stored, statements[0], countRejected(quarantine), affected.size());
        return new CollectionReport(DATASET_DISCLOSURE, date, OpenDartClient.SOURCE, null, listed.value().size(),
                stored, countRejected(quarantine), affected, warnings);
    }

    private CollectionReport disclosuresFromLastGood(LocalDate date, String batchId, SourceException e,
                                                     Instant fetchedAt, long start) {
        long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
        String reason = OpenDartClient.SOURCE + " failed after " + e.attempts() + " attempt(s): " + e.getMessage();
        int stored = disclosuresOn(date);
        if (stored == 0) {
            quality.saveFetches(List.of(new FetchRecord(KIND_DISCLOSURE, batchId, date, OpenDartClient.SOURCE,
                    OpenDartClient.SOURCE, null, false, Math.max(1, e.attempts()), latency, null,
                    "no disclosures for " + date + ": " + reason, fetchedAt)));
            throw new IllegalStateException("no disclosures for " + date + " (" + reason
                    + ") and none stored for the date to fall back on; retry when OpenDART is back", e);
        }
        quality.saveFetches(List.of(new FetchRecord(KIND_DISCLOSURE, batchId, date, OpenDartClient.SOURCE,
                LAST_GOOD, reason, true, Math.max(1, e.attempts()), latency, stored, null, fetchedAt)));
        String warning = "OpenDART is unavailable; keeping the " + stored + " disclosure(s) already stored for " + date
                + " (" + reason + ")";
        log.warn(warning);
        return new CollectionReport(DATASET_DISCLOSURE, date, LAST_GOOD, reason, 0, stored, 0, List.of(),
                List.of(warning));
    }

    private record DisclosureRow(DartDisclosure disclosure, String symbol, String type) {
    }

    /** The consolidated statements of a periodic report, else the separate ones; empty when neither is published. */
    private Optional<Filing> fetchStatements(DartDisclosure d, String symbol, DisclosureKind.Period period,
                                             String batchId, LocalDate date, List<FetchRecord> fetches,
                                             List<String> warnings) {
        Instant fetchedAt = clock.instant();
        long start = System.nanoTime();
        int attempts = 0;
        try {
            for (String fsDiv : List.of("CFS", "OFS")) {
                Fetched<List<FinancialStatementLine>> f = dart.financialStatements(d.corpCode(), period.fiscalYear(),
                        period.report(), fsDiv);
                attempts += f.attempts();
                if (!f.value().isEmpty()) {
                    fetches.add(new FetchRecord(KIND_FINANCIAL_STATEMENT, batchId, date, OpenDartClient.SOURCE,
                            OpenDartClient.SOURCE, null, true, Math.max(1, attempts), millisSince(start),
                            f.value().size(), null, fetchedAt));
                    List<String> rcepts = f.value().stream().map(FinancialStatementLine::rceptNo).distinct().toList();
                    if (!rcepts.contains(d.rceptNo())) {
                        warnings.add(symbol + " " + period.fiscalYear() + " Q" + period.fiscalQuarter()
                                + ": OpenDART answered the statements of filing(s) " + rcepts + " for filing "
                                + d.rceptNo() + "; stored under " + d.rceptNo());
                    }
                    return Optional.of(new Filing(d, symbol, period, fsDiv, f.value()));
                }
            }
            String error = "OpenDART has no statements of " + symbol + " " + period.fiscalYear() + " "
                    + period.report() + " (filing " + d.rceptNo() + ") yet";
            fetches.add(new FetchRecord(KIND_FINANCIAL_STATEMENT, batchId, date, OpenDartClient.SOURCE,
                    OpenDartClient.SOURCE, null, false, Math.max(1, attempts), millisSince(start), null, error,
                    fetchedAt));
            warnings.add(error + "; re-run the stage to load them");
        } catch (SourceException e) {
            String error = "statements of " + symbol + " " + period.fiscalYear() + " " + period.report()
                    + " (filing " + d.rceptNo() + "): " + OpenDartClient.SOURCE + " failed after " + e.attempts()
                    + " attempt(s): " + e.getMessage();
            fetches.add(new FetchRecord(KIND_FINANCIAL_STATEMENT, batchId, date, OpenDartClient.SOURCE,
                    OpenDartClient.SOURCE, null, false, Math.max(1, attempts + e.attempts()), millisSince(start),
                    null, error, fetchedAt));
            warnings.add(error + "; re-run the stage to load them");
        }
        return Optional.empty();
    }

    private int writeStatements(DSLContext t, List<Filing> filings, OffsetDateTime publishedAt, String batchId,
                                Instant fetchedAt, List<String> warnings, List<RejectedValue> issues) {
        List<Filing> ordered = new ArrayList<>(filings);
        ordered.sort(Comparator.comparing(Filing::symbol)
                .thenComparing(f -> f.period().fiscalYear())
                .thenComparing(f -> f.period().fiscalQuarter())
                .thenComparing(f -> f.disclosure().rceptNo()));
        Map<String, Filing> lastOfPeriod = new LinkedHashMap<>();
        for (Filing f : ordered) {
            String key = f.symbol() + "/" + f.period().fiscalYear() + "/" + f.period().fiscalQuarter() + "/"
                    + f.fsDiv();
            Filing earlier = lastOfPeriod.put(key, f);
            if (earlier != null) {
                warnings.add(f.symbol() + " " + f.period().fiscalYear() + " Q" + f.period().fiscalQuarter()
                        + " was filed twice on one day (" + earlier.disclosure().rceptNo() + ", "
                        + f.disclosure().rceptNo() + "); the later filing is stored");
            }
        }
        int written = 0;
        for (Filing f : lastOfPeriod.values()) {
            DisclosureKind.Period p = f.period();
            boolean consolidated = f.fsDiv().equals("CFS");
            String label = f.symbol() + " " + p.fiscalYear() + " Q" + p.fiscalQuarter() + " ("
                    + (consolidated ? "consolidated" : "separate") + ", filing " + f.disclosure().rceptNo() + ")";
            Map<Integer, StatementCleaner.Flows> earlier = storedFlows(t, f.symbol(), p.fiscalYear(),
                    p.fiscalQuarter(), consolidated, publishedAt);
            StatementCleaner.Result cleaned = statementCleaner.clean(p.fiscalQuarter(), f.lines(), earlier, label);
            warnings.addAll(cleaned.warnings());
            for (StatementCleaner.Issue issue : cleaned.issues()) {
                issues.add(new RejectedValue(batchId, DATASET_FINANCIAL_STATEMENT, f.disclosure().rceptNo(),
                        Symbol.of(f.symbol()), p.periodEnd(), issue.field(), issue.value(), issue.rule(),
                        issue.reason(), issue.action(), OpenDartClient.SOURCE, fetchedAt));
            }
            boolean restated = p.correction() || t.fetchExists(t.selectOne().from(FUNDAMENTAL_STATEMENT)
                    .where(FUNDAMENTAL_STATEMENT.SYMBOL.eq(f.symbol()))
                    .and(FUNDAMENTAL_STATEMENT.FISCAL_YEAR.eq((short) p.fiscalYear()))
                    .and(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER.eq((short) p.fiscalQuarter()))
                    .and(FUNDAMENTAL_STATEMENT.CONSOLIDATED.eq(consolidated))
                    .and(FUNDAMENTAL_STATEMENT.PUBLISHED_AT.lt(publishedAt)));
            StatementCleaner.Figures v = cleaned.figures();
            written += t.insertInto(FUNDAMENTAL_STATEMENT, FUNDAMENTAL_STATEMENT.SYMBOL,
                            FUNDAMENTAL_STATEMENT.FISCAL_YEAR, FUNDAMENTAL_STATEMENT.FISCAL_QUARTER,
                            FUNDAMENTAL_STATEMENT.PERIOD_END, FUNDAMENTAL_STATEMENT.PUBLISHED_AT,
                            FUNDAMENTAL_STATEMENT.CONSOLIDATED, FUNDAMENTAL_STATEMENT.REVENUE,
                            FUNDAMENTAL_STATEMENT.OPERATING_INCOME, FUNDAMENTAL_STATEMENT.NET_INCOME,
                            FUNDAMENTAL_STATEMENT.EQUITY, FUNDAMENTAL_STATEMENT.LIABILITIES,
                            FUNDAMENTAL_STATEMENT.OPERATING_CASH_FLOW, FUNDAMENTAL_STATEMENT.RESTATED,
                            FUNDAMENTAL_STATEMENT.RCEPT_NO, FUNDAMENTAL_STATEMENT.SOURCE)
                    .values(f.symbol(), (short) p.fiscalYear(), (short) p.fiscalQuarter(), p.periodEnd(),
                            publishedAt, consolidated, v.revenue(), v.operatingIncome(), v.netIncome(), v.equity(),
                            v.liabilities(), v.operatingCashFlow(), restated, f.disclosure().rceptNo(),
                            OpenDartClient.SOURCE)
                    .onConflict(FUNDAMENTAL_STATEMENT.SYMBOL, FUNDAMENTAL_STATEMENT.FISCAL_YEAR,
                            FUNDAMENTAL_STATEMENT.FISCAL_QUARTER, FUNDAMENTAL_STATEMENT.CONSOLIDATED,
                            FUNDAMENTAL_STATEMENT.PUBLISHED_AT)
                    .doUpdate()
                    .set(FUNDAMENTAL_STATEMENT.REVENUE, v.revenue())
                    .set(FUNDAMENTAL_STATEMENT.OPERATING_INCOME, v.operatingIncome())
                    .set(FUNDAMENTAL_STATEMENT.NET_INCOME, v.netIncome())
                    .set(FUNDAMENTAL_STATEMENT.EQUITY, v.equity())
                    .set(FUNDAMENTAL_STATEMENT.LIABILITIES, v.liabilities())
                    .set(FUNDAMENTAL_STATEMENT.OPERATING_CASH_FLOW, v.operatingCashFlow())
                    .set(FUNDAMENTAL_STATEMENT.RESTATED, restated)
                    .set(FUNDAMENTAL_STATEMENT.RCEPT_NO, f.disclosure().rceptNo())
                    .set(FUNDAMENTAL_STATEMENT.SOURCE, OpenDartClient.SOURCE)
                    .execute();
        }
        return written;
    }

    /** The latest single-quarter flows of quarters 1..quarter−1 known at {@code asOf}, by quarter. */
    private static Map<Integer, StatementCleaner.Flows> storedFlows(DSLContext t, String symbol, int fiscalYear,
                                                                    int quarter, boolean consolidated,
                                                                    OffsetDateTime asOf) {
        Map<Integer, StatementCleaner.Flows> out = new HashMap<>();
        if (quarter <= 1) {
            return out;
        }
        t.select(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER, FUNDAMENTAL_STATEMENT.REVENUE,
                        FUNDAMENTAL_STATEMENT.OPERATING_INCOME, FUNDAMENTAL_STATEMENT.NET_INCOME,
                        FUNDAMENTAL_STATEMENT.OPERATING_CASH_FLOW)
                .distinctOn(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER)
                .from(FUNDAMENTAL_STATEMENT)
                .where(FUNDAMENTAL_STATEMENT.SYMBOL.eq(symbol))
                .and(FUNDAMENTAL_STATEMENT.FISCAL_YEAR.eq((short) fiscalYear))
                .and(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER.lt((short) quarter))
                .and(FUNDAMENTAL_STATEMENT.CONSOLIDATED.eq(consolidated))
                .and(FUNDAMENTAL_STATEMENT.PUBLISHED_AT.le(asOf))
                .orderBy(FUNDAMENTAL_STATEMENT.FISCAL_QUARTER, FUNDAMENTAL_STATEMENT.PUBLISHED_AT.desc())
                .forEach(r -> out.put((int) r.value1(), new StatementCleaner.Flows(r.value2(), r.value3(),
                        r.value4(), r.value5())));
        return out;
    }

    private static void insertDisclosures(DSLContext t, List<DisclosureRow> rows, OffsetDateTime filedAt) {
        for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
            var insert = t.insertInto(DISCLOSURE, DISCLOSURE.RCEPT_NO, DISCLOSURE.SYMBOL, DISCLOSURE.CORP_CODE,
                    DISCLOSURE.CORP_NAME, DISCLOSURE.DISCLOSURE_TYPE, DISCLOSURE.TITLE, DISCLOSURE.FILED_AT,
                    DISCLOSURE.FILER_NAME, DISCLOSURE.REMARKS, DISCLOSURE.SOURCE);
            for (DisclosureRow r : rows.subList(from, Math.min(rows.size(), from + INSERT_ROWS))) {
                DartDisclosure d = r.disclosure();
                insert = insert.values(d.rceptNo(), r.symbol(), d.corpCode(), blankToNull(d.corpName()), r.type(),
                        d.reportName(), filedAt, blankToNull(d.filerName()), blankToNull(d.remark()),
                        OpenDartClient.SOURCE);
            }
            insert.execute();
        }
    }

    /**
     * The instant a filing of {@code date} counts as public. OpenDART's list gives the filing date only, so a filing
     * is stamped when it was fetched, but never later than the end of its KST day (a backfill) nor before its start.
     */
    private OffsetDateTime pointInTime(LocalDate date, Instant fetchedAt) {
        Instant dayStart = date.atStartOfDay(settings.zone()).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(settings.zone()).toInstant().minusSeconds(1);
        Instant at = fetchedAt.isAfter(dayEnd) ? dayEnd : fetchedAt.isBefore(dayStart) ? dayStart : fetchedAt;
        return at.atZone(settings.zone()).toOffsetDateTime();
    }

    /** Instruments by DART corp code: [symbol, security type], common shares first. */
    private Map<String, List<String[]>> instrumentsByCorpCode() {
        Map<String, List<String[]>> out = new HashMap<>();
        dsl.select(INSTRUMENT.CORP_CODE, INSTRUMENT.SYMBOL, INSTRUMENT.SECURITY_TYPE)
                .from(INSTRUMENT)
                .where(INSTRUMENT.CORP_CODE.isNotNull())
                .orderBy(INSTRUMENT.SYMBOL)
                .forEach(r -> out.computeIfAbsent(r.value1().trim(), k -> new ArrayList<>())
                        .add(new String[] {r.value2().trim(), r.value3()}));
        out.values().forEach(l -> l.sort(Comparator.comparing(s -> s[1].equals("COMMON") ? 0 : 1)));
        return out;
    }

    /** The filing's stock code when the stock master knows it under the same company, else its common share. */
    private static String resolveSymbol(DartDisclosure d, Map<String, List<String[]>> byCorp,
                                        Set<String> knownSymbols) {
        List<String[]> listed = byCorp.getOrDefault(d.corpCode(), List.of());
        for (String[] s : listed) {
            if (s[0].equals(d.stockCode())) {
                return s[0];
            }
        }
        if (!listed.isEmpty()) {
            return listed.get(0)[0];
        }
        return d.stockCode() != null && knownSymbols.contains(d.stockCode()) ? d.stockCode() : null;
    }

    private int disclosuresOn(LocalDate date) {
        OffsetDateTime dayStart = date.atStartOfDay(settings.zone()).toOffsetDateTime();
        OffsetDateTime dayEnd = date.plusDays(1).atStartOfDay(settings.zone()).toOffsetDateTime();
        return dsl.fetchCount(DISCLOSURE, DISCLOSURE.FILED_AT.ge(dayStart).and(DISCLOSURE.FILED_AT.lt(dayEnd)));
    }
}
