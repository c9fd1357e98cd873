package com.aegis.activities.scoring;

import com.aegis.core.factors.FactorInputs;
import com.aegis.core.factors.FinancialStatement;
import com.aegis.core.factors.FiscalQuarter;
import com.aegis.core.factors.IndexHistory;
import com.aegis.core.factors.PointInTime;
import com.aegis.core.factors.PriceHistory;
import com.aegis.core.factors.Sector;
import com.aegis.core.market.Symbol;
import com.aegis.core.screening.ScreeningInput;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring stages' set-based reads of market data, in plain JDBC over the jOOQ connection: one query per kind of
 * data for the whole cross-section, never one per stock.
 *
 * <p>Data cut-off: a score for date D is computed before D's open (the 08:30 batch), so it uses sessions strictly
 * before D. A backfill of D whose own bar is already loaded therefore sees exactly what the pre-open run saw: D's
 * previous session and earlier.
 */
final class MarketDataReader {

    private static final Logger log = LoggerFactory.getLogger(MarketDataReader.class);

    /** Instrument status kinds that count as a trading halt on the dates they cover. */
    static final List<String> HALT_KINDS = List.of("TRADING_HALT");
    /**
     * Status kinds that count as an administrative designation: 관리종목 itself, and the delisting path (상장적격성
     * 실질심사, 정리매매) whose stocks carry the same delisting risk. Investment caution/warning/danger and
     * unfaithful-disclosure designations are market warnings, not exclusions.
     */
    static final List<String> ADMINISTRATIVE_KINDS = List.of("ADMINISTRATIVE_ISSUE", "DELISTING_REVIEW",
            "LIQUIDATION_TRADING");

    /** Codes the core model's {@link Symbol} accepts. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{6}");

    /** Sector of an instrument without a sector code. */
    static final String UNCLASSIFIED = "UNCLASSIFIED";

    private final DSLContext db;

    MarketDataReader(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * A listed common stock with what the screener needs.
     *
     * @param input          the screener's input
     * @param avgTradedValue the average of the last {@code sessions} traded values, null with fewer sessions
     * @param marketCap      last close × listed shares (or the bar's own market cap), null without a bar
     */
    record UniverseStock(ScreeningInput input, Long avgTradedValue, Long marketCap) {
    }

    private static final String UNIVERSE_SQL = """
            select i.symbol, i.listed_shares, b.traded, b.last_close, b.last_cap,
                   exists (select 1 from instrument_status_event e where e.symbol = i.symbol
                           and e.status_kind = any(?) and e.effective_from <= ?
                           and (e.effective_to is null or e.effective_to >= ?)) as halted,
                   exists (select 1 from instrument_status_event e where e.symbol = i.symbol
                           and e.status_kind = any(?) and e.effective_from <= ?
                           and (e.effective_to is null or e.effective_to >= ?)) as administrative
            from instrument i
            left join lateral (
                select array_agg(r.traded_value order by r.trade_date) as traded,
                       (array_agg(r.close order by r.trade_date desc))[1] as last_close,
                       (array_agg(r.market_cap order by r.trade_date desc))[1] as last_cap
                from (select d.trade_date, d.traded_value, d.close, d.market_cap from daily_bar d
                      where d.symbol = i.symbol and d.trade_date < ?
                      order by d.trade_date desc limit ?) r
            ) b on true
            where i.security_type = 'COMMON' and i.listed_on <= ? and (i.delisted_on is null or i.delisted_on > ?)
            order by i.symbol
            """;

    /**
     * Every common stock listed on {@code date} (listed on or before it, not delisted by then), with the traded values
     * of its last {@code sessions} sessions before {@code date}, its market cap at the last of them, and whether a
     * halt or an administrative designation covers {@code date}.
     */
    List<UniverseStock> universe(LocalDate date, int sessions) {
        return db.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(UNIVERSE_SQL)) {
                Array halts = c.createArrayOf("text", HALT_KINDS.toArray());
                Array admin = c.createArrayOf("text", ADMINISTRATIVE_KINDS.toArray());
                int k = 0;
                ps.setArray(++k, halts);
                ps.setObject(++k, date);
                ps.setObject(++k, date);
                ps.setArray(++k, admin);
                ps.setObject(++k, date);
                ps.setObject(++k, date);
                ps.setObject(++k, date);
                ps.setInt(++k, sessions);
                ps.setObject(++k, date);
                ps.setObject(++k, date);
                List<UniverseStock> out = new ArrayList<>(3_000);
                List<String> unsupported = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString("symbol").trim();
                        if (DIGITS.matcher(code).matches()) {
                            out.add(universeStock(rs, code, sessions));
                        } else {
                            unsupported.add(code);
                        }
                    }
                }
                if (!unsupported.isEmpty()) {
                    log.warn("{} listed stock(s) with an alphanumeric code are left out of the screening of {}, "
                            + "because the scoring model identifies stocks by six-digit codes: {}",
                            unsupported.size(), date, unsupported);
                }
                return out;
            }
        });
    }

    private static UniverseStock universeStock(ResultSet rs, String code, int sessions) throws SQLException {
        Symbol symbol = Symbol.of(code);
        long shares = rs.getLong("listed_shares");
        Array tradedArray = rs.getArray("traded");
        List<Long> traded = new ArrayList<>(sessions);
        if (tradedArray != null) {
            for (Object v : (Object[]) tradedArray.getArray()) {
                traded.add(((Number) v).longValue());
            }
        }
        long close = rs.getLong("last_close");
        boolean hasBar = !rs.wasNull();
        long cap = rs.getLong("last_cap");
        Long marketCap = !rs.wasNull() ? Long.valueOf(cap)
                : hasBar ? Long.valueOf(capOf(close, shares)) : null;
        Long average = null;
        if (traded.size() >= sessions) {
            long sum = 0;
            for (long v : traded) {
                sum += v;
            }
            average = sum / sessions;
        }
        ScreeningInput input = new ScreeningInput(symbol, traded, marketCap == null ? 0 : marketCap,
                rs.getBoolean("halted"), rs.getBoolean("administrative"));
        return new UniverseStock(input, average, marketCap);
    }

    private static long capOf(long close, long shares) {
        try {
            return Math.multiplyExact(close, shares);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Instrument master rows of {@code symbols}.
     *
     * @param name         the stock's name
     * @param sector       its sector ({@value #UNCLASSIFIED} without one)
     * @param listedShares listed shares, used as shares outstanding
     */
    record Instrument(String symbol, String name, String sector, long listedShares) {
    }

    Map<String, Instrument> instruments(List<String> symbols) {
        return db.connectionResult(c -> {
            Map<String, Instrument> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select symbol, name, sector_code, listed_shares from instrument where symbol = any(?)")) {
                ps.setArray(1, c.createArrayOf("bpchar", symbols.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String symbol = rs.getString(1).trim();
                        String sector = rs.getString(3);
                        out.put(symbol, new Instrument(symbol, rs.getString(2),
                                sector == null || sector.isBlank() ? UNCLASSIFIED : sector, rs.getLong(4)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The factor inputs of {@code symbols} for scoring date {@code date}: closes of sessions strictly before
     * {@code date} in which the stock traded (a session without a trade only carries the previous close forward, and a
     * halted day is not one of the stock's sessions), and the statements published before {@code date}'s KST start,
     * consolidated where the company files them, with the listed shares as shares outstanding.
     */
    List<FactorInputs> factorInputs(LocalDate date, List<String> symbols, Map<String, Instrument> instruments,
            int sessionsNeeded) {
        LocalDate from = date.minusDays(ScoringSettings.calendarDaysFor(sessionsNeeded));
        Map<String, List<PriceHistory.DailyClose>> closes = new HashMap<>();
        Map<String, List<StatementRow>> statements = new HashMap<>();
        db.connection(c -> {
            Array codes = c.createArrayOf("bpchar", symbols.toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    select symbol, trade_date, close, traded_value from daily_bar
                    where symbol = any(?) and trade_date < ? and trade_date >= ? and volume > 0
                    order by symbol, trade_date""")) {
                ps.setArray(1, codes);
                ps.setObject(2, date);
                ps.setObject(3, from);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        closes.computeIfAbsent(rs.getString(1).trim(), s -> new ArrayList<>(400)).add(
                                new PriceHistory.DailyClose(rs.getObject(2, LocalDate.class), rs.getLong(3),
                                        rs.getLong(4)));
                    }
                }
            }
            readStatements(c, codes, date, statements);
        });
        List<FactorInputs> out = new ArrayList<>(symbols.size());
        int skippedStatements = 0;
        for (String symbol : symbols) {
            Instrument instrument = instruments.get(symbol);
            Symbol s = Symbol.of(symbol);
            List<FinancialStatement> known = new ArrayList<>();
            List<StatementRow> rows = statements.getOrDefault(symbol, List.of());
            boolean hasConsolidated = rows.stream().anyMatch(StatementRow::consolidated);
            for (StatementRow row : rows) {
                if (row.consolidated() != hasConsolidated) {
                    continue;
                }
                if (row.incomplete()) {
                    skippedStatements++;
                    continue;
                }
                known.add(new FinancialStatement(s, row.period(), row.publishedAt().toInstant(), row.revenue(),
                        row.operatingIncome(), row.netIncome(), row.operatingCashFlow(), row.equity(),
                        row.liabilities(), instrument.listedShares()));
            }
            out.add(new FactorInputs(s, Sector.of(instrument.sector()),
                    PriceHistory.of(closes.getOrDefault(symbol, List.of())), known));
        }
        if (skippedStatements > 0) {
            log.warn("{} statement(s) with a missing line item were left out of the factors of {}", skippedStatements,
                    date);
        }
        return out;
    }

    /** One {@code fundamental_statement} row; boxed items are null when the filing lacked them. */
    private record StatementRow(FiscalQuarter period, Timestamp publishedAt, boolean consolidated, Long revenue,
                                Long operatingIncome, Long netIncome, Long operatingCashFlow, Long equity,
                                Long liabilities) {

        boolean incomplete() {
            return revenue == null || operatingIncome == null || netIncome == null || operatingCashFlow == null
                    || equity == null || liabilities == null;
        }
    }

    private static void readStatements(Connection c, Array codes, LocalDate date, Map<String, List<StatementRow>> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select symbol, fiscal_year, fiscal_quarter, published_at, consolidated, revenue, operating_income,
                       net_income, operating_cash_flow, equity, liabilities
                from fundamental_statement
                where symbol = any(?) and published_at < ? and fiscal_year >= ?""")) {
            ps.setArray(1, codes);
            ps.setTimestamp(2, Timestamp.from(PointInTime.cutoff(date)));
            ps.setInt(3, date.getYear() - 4);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1).trim(), s -> new ArrayList<>()).add(new StatementRow(
                            FiscalQuarter.of(rs.getInt(2), rs.getInt(3)), rs.getTimestamp(4), rs.getBoolean(5),
                            boxed(rs, 6), boxed(rs, 7), boxed(rs, 8), boxed(rs, 9), boxed(rs, 10), boxed(rs, 11)));
                }
            }
        }
    }

    private static Long boxed(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Closes of {@code indexCode} strictly before {@code date}, at most about {@code sessions} of them. */
    IndexHistory index(String indexCode, LocalDate date, int sessions) {
        LocalDate from = date.minusDays(ScoringSettings.calendarDaysFor(sessions));
        List<LocalDate> dates = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        db.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select trade_date, close from index_daily_bar
                    where index_code = ? and trade_date < ? and trade_date >= ? order by trade_date""")) {
                ps.setString(1, indexCode);
                ps.setObject(2, date);
                ps.setObject(3, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dates.add(rs.getObject(1, LocalDate.class));
                        levels.add(rs.getBigDecimal(2).doubleValue());
                    }
                }
            }
        });
        double[] values = new double[levels.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = levels.get(i);
        }
        return IndexHistory.of(indexCode, dates.toArray(new LocalDate[0]), values);
    }

    /** Names of {@code symbols} (symbol order kept). */
    Map<String, String> names(List<String> symbols) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Instrument> instruments = instruments(symbols);
        for (String s : symbols) {
            Instrument i = instruments.get(s);
            out.put(s, i == null ? s : i.name());
        }
        return out;
    }
}
