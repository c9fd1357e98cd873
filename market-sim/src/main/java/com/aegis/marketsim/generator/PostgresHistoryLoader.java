package com.aegis.marketsim.generator;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingDaySchedule;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link MarketHistory} into the AEGIS schema (db-migrations V1/V2) in one transaction. Reference rows
 * (sectors, instruments, indices, global indicators, calendar days) are upserted in batches, because other tables
 * may reference them; the market data of the generated symbols, indices and indicators is deleted and re-inserted
 * with {@code COPY ... FROM STDIN (FORMAT csv)}, so loading the same universe twice leaves the same rows.
 * Disclosures with a receipt number the history uses are replaced too (receipt numbers restart every day, so another
 * synthetic universe may have used the same numbers). Every row carries source {@value #SOURCE}.
 */
public final class PostgresHistoryLoader {

    public static final String SOURCE = "SIM";
    private static final int COPY_CHUNK_BYTES = 1 << 20;

    private PostgresHistoryLoader() {
    }

    /** Loads through a connection from the data source, which is closed afterwards. */
    public static Map<String, Long> load(MarketHistory history, DataSource dataSource, ProgressListener progress)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return load(history, connection, progress);
        }
    }

    /**
     * Replaces the generated universe's data in the database.
     *
     * @return rows written per table, in load order
     * @throws SQLException if the schema is missing or a row is rejected; the transaction is rolled back then
     */
    public static Map<String, Long> load(MarketHistory history, Connection connection, ProgressListener progress)
            throws SQLException {
        Objects.requireNonNull(history, "history");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Map<String, Long> counts = new LoadRun(history, connection, listener).run();
            connection.commit();
            return counts;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            if (e instanceof SQLException sql && "42P01".equals(sql.getSQLState())) {
                throw new SQLException("the AEGIS schema is missing a table (" + sql.getMessage()
                        + "); run the db-migrations (Migrations.migrate) against this database first", "42P01", sql);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static final class LoadRun {
        private final MarketHistory history;
        private final Connection connection;
        private final ProgressListener progress;
        private final CopyManager copy;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private static final int STEPS = 12;
        private int step;

        LoadRun(MarketHistory history, Connection connection, ProgressListener progress) throws SQLException {
            this.history = history;
            this.connection = connection;
            this.progress = progress;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        Map<String, Long> run() throws SQLException {
            progress.progress("load", 0, STEPS);
            deleteMarketData();
            advance();
            counts.put("sector", upsertSectors());
            advance();
            counts.put("instrument", upsertInstruments());
            advance();
            counts.put("trading_calendar", upsertCalendar());
            advance();
            counts.put("instrument_status_event", copyStatusEvents());
            advance();
            counts.put("daily_bar", copyDailyBars());
            advance();
            counts.put("market_index", upsertIndices());
            advance();
            counts.put("index_daily_bar", copyIndexBars());
            advance();
            counts.put("disclosure", copyDisclosures());
            advance();
            counts.put("fundamental_statement", copyStatements());
            advance();
            counts.put("global_indicator", upsertGlobalIndicators());
            advance();
            counts.put("global_indicator_value", copyGlobalValues());
            advance();
            return counts;
        }

        private void advance() {
            progress.progress("load", ++step, STEPS);
        }

        private void deleteMarketData() throws SQLException {
            Array symbols = connection.createArrayOf("bpchar", history.instruments().stream()
                    .map(i -> i.symbol().code()).toArray());
            Array receipts = connection.createArrayOf("bpchar", history.disclosures().stream()
                    .map(Disclosure::rceptNo).toArray());
            Array indexCodes = connection.createArrayOf("text", history.indices().stream()
                    .map(MarketIndex::code).toArray());
            Array indicatorCodes = connection.createArrayOf("text", history.globalObservations().stream()
                    .map(g -> g.indicator().code()).distinct().toArray());
            execute("delete from daily_bar where symbol = any(?)", symbols);
            execute("delete from fundamental_statement where symbol = any(?)", symbols);
            execute("delete from disclosure where symbol = any(?)", symbols);
            execute("delete from disclosure where rcept_no = any(?)", receipts);
            execute("delete from instrument_status_event where symbol = any(?)", symbols);
            execute("delete from index_daily_bar where index_code = any(?)", indexCodes);
            execute("delete from global_indicator_value where code = any(?)", indicatorCodes);
        }

        private void execute(String sql, Array parameter) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setArray(1, parameter);
                ps.executeUpdate();
            }
        }

        private long upsertSectors() throws SQLException {
            String sql = "insert into sector (sector_code, name, name_en, market) values (?, ?, ?, null) "
                    + "on conflict (sector_code) do update set name = excluded.name, name_en = excluded.name_en";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (SectorDef s : history.sectors()) {
                    ps.setString(1, s.code());
                    ps.setString(2, s.nameKo());
                    ps.setString(3, s.nameEn());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return history.sectors().size();
        }

        private long upsertInstruments() throws SQLException {
            String sql = "insert into instrument (symbol, isin, corp_code, name, name_en, market, security_type, "
                    + "sector_code, listed_shares, par_value, listed_on, delisted_on, kospi200, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (symbol) do update set "
                    + "isin = excluded.isin, corp_code = excluded.corp_code, name = excluded.name, "
                    + "name_en = excluded.name_en, market = excluded.market, security_type = excluded.security_type, "
                    + "sector_code = excluded.sector_code, listed_shares = excluded.listed_shares, "
                    + "par_value = excluded.par_value, listed_on = excluded.listed_on, "
                    + "delisted_on = excluded.delisted_on, kospi200 = excluded.kospi200, updated_at = now()";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int n = 0;
                for (Instrument i : history.instruments()) {
                    ps.setString(1, i.symbol().code());
                    ps.setString(2, i.isin());
                    ps.setString(3, i.corpCode());
                    ps.setString(4, i.name());
                    ps.setString(5, i.nameEn());
                    ps.setString(6, i.market().name());
                    ps.setString(7, i.securityType().name());
                    ps.setString(8, i.sectorCode());
                    ps.setLong(9, i.listedShares());
                    ps.setLong(10, i.parValue());
                    ps.setObject(11, i.listedOn());
                    ps.setObject(12, i.delistedOn(), Types.DATE);
                    ps.setBoolean(13, i.kospi200());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return history.instruments().size();
        }

        private long upsertCalendar() throws SQLException {
            KrxCalendar calendar = KrxCalendar.standard();
            String sql = "insert into trading_calendar (trade_date, is_trading_day, closure_reason, "
                    + "opening_auction_start, market_open, closing_auction_start, market_close, source) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 'KRX') on conflict (trade_date) do update set "
                    + "is_trading_day = excluded.is_trading_day, closure_reason = excluded.closure_reason, "
                    + "opening_auction_start = excluded.opening_auction_start, market_open = excluded.market_open, "
                    + "closing_auction_start = excluded.closing_auction_start, market_close = excluded.market_close";
            long rows = 0;
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                LocalDate end = history.config().endDate();
                for (LocalDate d = history.config().startDate(); !d.isAfter(end); d = d.plusDays(1)) {
                    TradingDaySchedule schedule = calendar.schedule(d);
                    ps.setObject(1, d);
                    ps.setBoolean(2, schedule.tradingDay());
                    if (schedule.tradingDay()) {
                        ps.setNull(3, Types.VARCHAR);
                        ps.setObject(4, schedule.openingAuctionStart());
                        ps.setObject(5, schedule.marketOpen());
                        ps.setObject(6, schedule.closingAuctionStart());
                        ps.setObject(7, schedule.marketClose());
                    } else {
                        ps.setString(3, calendar.closureReason(d).orElse(schedule.description()));
                        for (int k = 4; k <= 7; k++) {
                            ps.setNull(k, Types.TIME);
                        }
                    }
                    ps.addBatch();
                    rows++;
                }
                ps.executeBatch();
            }
            return rows;
        }

        private long upsertIndices() throws SQLException {
            String sql = "insert into market_index (index_code, name, market, base_date, base_value) "
                    + "values (?, ?, ?, ?, ?) on conflict (index_code) do update set name = excluded.name, "
                    + "market = excluded.market, base_date = excluded.base_date, base_value = excluded.base_value";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (MarketIndex m : history.indices()) {
                    ps.setString(1, m.code());
                    ps.setString(2, m.name());
                    ps.setString(3, m.market().name());
                    ps.setObject(4, m.baseDate());
                    ps.setBigDecimal(5, new java.math.BigDecimal(Csv.decimal(m.baseValue(), 2)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return history.indices().size();
        }

        private long upsertGlobalIndicators() throws SQLException {
            String sql = "insert into global_indicator (code, name, kind, currency, source) values (?, ?, ?, ?, ?) "
                    + "on conflict (code) do update set name = excluded.name, kind = excluded.kind, "
                    + "currency = excluded.currency, source = excluded.source";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (GlobalIndicator g : GlobalIndicator.values()) {
                    ps.setString(1, g.code());
                    ps.setString(2, g.displayName());
                    ps.setString(3, g.kind());
                    ps.setString(4, g.currency());
                    ps.setString(5, SOURCE);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return GlobalIndicator.values().length;
        }

        private long copyStatusEvents() throws SQLException {
            return copy("instrument_status_event (symbol, status_kind, effective_from, effective_to, reason, "
                    + "announced_at, source)", out -> {
                for (StatusEvent e : history.statusEvents()) {
                    out.row(e.symbol().code(), e.kind().name(), e.effectiveFrom().toString(),
                            e.effectiveTo() == null ? null : e.effectiveTo().toString(), e.reason(),
                            e.announcedAt() == null ? null : e.announcedAt().toString(), SOURCE);
                }
            });
        }

        private long copyDailyBars() throws SQLException {
            DailyBarTable bars = history.bars();
            List<LocalDate> days = history.tradingDays();
            return copy("daily_bar (symbol, trade_date, base_price, open, high, low, close, volume, traded_value, "
                    + "market_cap, source)", out -> {
                StringBuilder sb = out.buffer();
                for (int i = 0; i < bars.stockCount(); i++) {
                    String code = bars.symbol(i).code();
                    long shares = history.instruments().get(i).listedShares();
                    for (int t = bars.firstDay(i); t < bars.endDay(i); t++) {
                        long volume = bars.volume(i, t);
                        long close = bars.close(i, t);
                        sb.append(code).append(',').append(days.get(t)).append(',').append(bars.basePrice(i, t))
                                .append(',');
                        if (volume > 0) {
                            sb.append(bars.open(i, t)).append(',').append(bars.high(i, t)).append(',')
                                    .append(bars.low(i, t)).append(',');
                        } else {
                            sb.append(",,,");
                        }
                        sb.append(close).append(',').append(volume).append(',').append(bars.tradedValue(i, t))
                                .append(',').append(close * shares).append(',').append(SOURCE).append('\n');
                        out.endRow();
                    }
                    if ((i + 1) % 100 == 0 || i + 1 == bars.stockCount()) {
                        progress.progress("daily_bar", i + 1, bars.stockCount());
                    }
                }
            });
        }

        private long copyIndexBars() throws SQLException {
            return copy("index_daily_bar (index_code, trade_date, open, high, low, close, volume, traded_value, source)",
                    out -> {
                        for (IndexBar b : history.indexBars()) {
                            out.row(b.indexCode(), b.tradeDate().toString(), Csv.decimal(b.open(), 2),
                                    Csv.decimal(b.high(), 2), Csv.decimal(b.low(), 2), Csv.decimal(b.close(), 2),
                                    Long.toString(b.volume()), Long.toString(b.tradedValue()), SOURCE);
                        }
                    });
        }

        private long copyDisclosures() throws SQLException {
            return copy("disclosure (rcept_no, symbol, corp_code, corp_name, disclosure_type, title, filed_at, "
                    + "filer_name, remarks, source)", out -> {
                for (Disclosure d : history.disclosures()) {
                    out.row(d.rceptNo(), d.symbol().code(), d.corpCode(), d.corpName(), d.type().name(), d.title(),
                            d.filedAt().toString(), d.corpName(), null, SOURCE);
                }
            });
        }

        private long copyStatements() throws SQLException {
            return copy("fundamental_statement (symbol, fiscal_year, fiscal_quarter, period_end, published_at, "
                    + "consolidated, revenue, operating_income, net_income, equity, liabilities, operating_cash_flow, "
                    + "restated, rcept_no, source)", out -> {
                for (QuarterlyStatement q : history.statements()) {
                    out.row(q.symbol().code(), Integer.toString(q.fiscalYear()), Integer.toString(q.fiscalQuarter()),
                            q.periodEnd().toString(), q.publishedAt().toString(), "true", Long.toString(q.revenue()),
                            Long.toString(q.operatingIncome()), Long.toString(q.netIncome()),
                            Long.toString(q.equity()), Long.toString(q.liabilities()),
                            Long.toString(q.operatingCashFlow()), "false", q.rceptNo(), SOURCE);
                }
            });
        }

        private long copyGlobalValues() throws SQLException {
            return copy("global_indicator_value (code, obs_date, value, source)", out -> {
                for (GlobalObservation g : history.globalObservations()) {
                    out.row(g.indicator().code(), g.date().toString(), Csv.decimal(g.value(), 4), SOURCE);
                }
            });
        }

        private static void cancel(CopyIn in) throws SQLException {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }

        @FunctionalInterface
        private interface CopyBody {
            void write(CopyRows out) throws SQLException;
        }

        private long copy(String target, CopyBody body) throws SQLException {
            String table = target.substring(0, target.indexOf(' '));
            CopyIn in = copy.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)");
            CopyRows rows = new CopyRows(in);
            try {
                body.write(rows);
                rows.flush();
                in.endCopy();
            } catch (SQLException e) {
                cancel(in);
                throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e.getSQLState(), e);
            } catch (RuntimeException e) {
                cancel(in);
                throw e;
            }
            return rows.rows;
        }
    }

    /** Buffers CSV rows and hands them to COPY in chunks of about a megabyte. */
    private static final class CopyRows {
        private final CopyIn in;
        private final StringBuilder sb = new StringBuilder(COPY_CHUNK_BYTES + 4096);
        private long rows;

        CopyRows(CopyIn in) {
            this.in = in;
        }

        StringBuilder buffer() {
            return sb;
        }

        /** A CSV row; null becomes an unquoted empty field, which COPY reads as NULL. */
        void row(String... fields) throws SQLException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String f = fields[i];
                if (f != null && f.isEmpty()) {
                    sb.append("\"\"");
                } else {
                    Csv.field(sb, f);
                }
            }
            sb.append('\n');
            endRow();
        }

        /** Call after appending one complete row to {@link #buffer()}. */
        void endRow() throws SQLException {
            rows++;
            if (sb.length() >= COPY_CHUNK_BYTES) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (sb.length() > 0) {
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                sb.setLength(0);
            }
        }
    }
}
