package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes a {@link MarketHistory} as UTF-8 CSV files plus {@code manifest.json} (format version, the full generator
 * config, and the row count and SHA-256 of every file), and reads such a directory back. The bytes depend only on
 * the history, so two runs with the same config produce identical files and checksums.
 */
public final class HistoryFiles {

    public static final String MANIFEST = "manifest.json";
    public static final int FORMAT_VERSION = 1;
    static final List<String> FILES = List.of("sectors.csv", "instruments.csv", "trading_days.csv", "daily_bars.csv",
            "status_events.csv", "market_indices.csv", "index_bars.csv", "statements.csv", "disclosures.csv",
            "global_indicators.csv", "regimes.csv");

    private HistoryFiles() {
    }

    /** A written file: name, data rows (header excluded) and lowercase hex SHA-256 of its bytes. */
    public record FileEntry(String name, long rows, String sha256) {
    }

    /** What {@link #write} produced. */
    public record Manifest(int formatVersion, GeneratorConfig config, int tradingDays, List<FileEntry> files) {
        public FileEntry file(String name) {
            return files.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new HistoryFileException("manifest lists no file " + name));
        }
    }

    public static Manifest write(MarketHistory history, Path dir) {
        try {
            Files.createDirectories(dir);
            List<FileEntry> entries = new ArrayList<>();
            entries.add(writeFile(dir, "sectors.csv", "sector_code,name,name_en", out -> {
                for (SectorDef s : history.sectors()) {
                    out.row(s.code(), s.nameKo(), s.nameEn());
                }
            }));
            entries.add(writeFile(dir, "instruments.csv", "symbol,isin,corp_code,name,name_en,market,security_type,"
                    + "sector_code,listed_shares,par_value,listed_on,delisted_on,kospi200", out -> {
                for (Instrument i : history.instruments()) {
                    out.row(i.symbol().code(), i.isin(), i.corpCode(), i.name(), i.nameEn(), i.market().name(),
                            i.securityType().name(), i.sectorCode(), Long.toString(i.listedShares()),
                            Long.toString(i.parValue()), i.listedOn().toString(), str(i.delistedOn()),
                            Boolean.toString(i.kospi200()));
                }
            }));
            entries.add(writeFile(dir, "trading_days.csv", "trade_date", out -> {
                for (LocalDate d : history.tradingDays()) {
                    out.row(d.toString());
                }
            }));
            entries.add(writeFile(dir, "daily_bars.csv",
                    "symbol,trade_date,base_price,open,high,low,close,volume,traded_value,market_cap", out -> {
                DailyBarTable bars = history.bars();
                List<LocalDate> days = history.tradingDays();
                StringBuilder sb = new StringBuilder(128);
                for (int i = 0; i < bars.stockCount(); i++) {
                    String code = bars.symbol(i).code();
                    long shares = history.instruments().get(i).listedShares();
                    for (int t = bars.firstDay(i); t < bars.endDay(i); t++) {
                        sb.setLength(0);
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
                                .append(',').append(close * shares);
                        out.line(sb);
                    }
                }
            }));
            entries.add(writeFile(dir, "status_events.csv",
                    "symbol,status_kind,effective_from,effective_to,reason,announced_at", out -> {
                for (StatusEvent e : history.statusEvents()) {
                    out.row(e.symbol().code(), e.kind().name(), e.effectiveFrom().toString(), str(e.effectiveTo()),
                            e.reason(), str(e.announcedAt()));
                }
            }));
            entries.add(writeFile(dir, "market_indices.csv", "index_code,name,market,base_date,base_value", out -> {
                for (MarketIndex m : history.indices()) {
                    out.row(m.code(), m.name(), m.market().name(), m.baseDate().toString(),
                            Csv.decimal(m.baseValue(), 2));
                }
            }));
            entries.add(writeFile(dir, "index_bars.csv",
                    "index_code,trade_date,open,high,low,close,volume,traded_value", out -> {
                for (IndexBar b : history.indexBars()) {
                    out.row(b.indexCode(), b.tradeDate().toString(), Csv.decimal(b.open(), 2),
                            Csv.decimal(b.high(), 2), Csv.decimal(b.low(), 2), Csv.decimal(b.close(), 2),
                            Long.toString(b.volume()), Long.toString(b.tradedValue()));
                }
            }));
            entries.add(writeFile(dir, "statements.csv", "symbol,fiscal_year,fiscal_quarter,period_end,published_at,"
                    + "revenue,operating_income,net_income,equity,liabilities,operating_cash_flow,rcept_no", out -> {
                for (QuarterlyStatement q : history.statements()) {
                    out.row(q.symbol().code(), Integer.toString(q.fiscalYear()), Integer.toString(q.fiscalQuarter()),
                            q.periodEnd().toString(), q.publishedAt().toString(), Long.toString(q.revenue()),
                            Long.toString(q.operatingIncome()), Long.toString(q.netIncome()),
                            Long.toString(q.equity()), Long.toString(q.liabilities()),
                            Long.toString(q.operatingCashFlow()), q.rceptNo());
                }
            }));
            entries.add(writeFile(dir, "disclosures.csv",
                    "rcept_no,symbol,corp_code,corp_name,disclosure_type,title,filed_at,tone,planted_return", out -> {
                for (Disclosure d : history.disclosures()) {
                    out.row(d.rceptNo(), d.symbol().code(), d.corpCode(), d.corpName(), d.type().name(), d.title(),
                            d.filedAt().toString(), Csv.decimal(d.tone(), 4), Csv.decimal(d.plantedReturn(), 6));
                }
            }));
            entries.add(writeFile(dir, "global_indicators.csv", "code,obs_date,value", out -> {
                for (GlobalObservation g : history.globalObservations()) {
                    out.row(g.indicator().code(), g.date().toString(), Csv.decimal(g.value(), 4));
                }
            }));
            entries.add(writeFile(dir, "regimes.csv", "regime,from,to", out -> {
                for (RegimeSpan r : history.regimes()) {
                    out.row(r.regime().name(), r.from().toString(), r.to().toString());
                }
            }));
            Manifest manifest = new Manifest(FORMAT_VERSION, history.config(), history.tradingDays().size(), entries);
            Files.writeString(dir.resolve(MANIFEST), manifestJson(manifest), StandardCharsets.UTF_8);
            return manifest;
        } catch (IOException e) {
            throw new HistoryFileException("could not write the market history to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Row writer handed to each file's body. */
    static final class Rows {
        private final Writer writer;
        private final StringBuilder sb = new StringBuilder(256);
        private long rows;

        Rows(Writer writer) {
            this.writer = writer;
        }

        void row(String... fields) {
            sb.setLength(0);
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Csv.field(sb, fields[i]);
            }
            line(sb);
        }

        void line(CharSequence text) {
            try {
                writer.append(text).append('\n');
                rows++;
            } catch (IOException e) {
                throw new HistoryFileException("write failed: " + e.getMessage(), e);
            }
        }
    }

    private static FileEntry writeFile(Path dir, String name, String header, Consumer<Rows> body) throws IOException {
        MessageDigest digest = sha256();
        try (DigestOutputStream stream = new DigestOutputStream(Files.newOutputStream(dir.resolve(name)), digest);
             Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            writer.append(header).append('\n');
            Rows rows = new Rows(writer);
            body.accept(rows);
            writer.flush();
            return new FileEntry(name, rows.rows, HexFormat.of().formatHex(digest.digest()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static String manifestJson(Manifest m) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", m.formatVersion());
        root.put("generator", "aegis-market-sim synthetic KRX market");
        GeneratorConfig c = m.config();
        ObjectNode config = root.putObject("config");
        config.put("seed", c.seed());
        config.put("stocks", c.stocks());
        config.put("years", c.years());
        config.put("endDate", c.endDate().toString());
        config.put("nullMarket", c.nullMarket());
        PlantedEffects e = c.effects();
        ObjectNode fx = config.putObject("effects");
        fx.put("momentumPerMonth", e.momentumPerMonth());
        fx.put("valuePerMonth", e.valuePerMonth());
        fx.put("qualityPerMonth", e.qualityPerMonth());
        fx.put("sectorComovement", e.sectorComovement());
        fx.put("disclosureDrift", e.disclosureDrift());
        fx.put("globalLead", e.globalLead());
        fx.put("regimeSwitching", e.regimeSwitching());
        fx.put("volatilityClustering", e.volatilityClustering());
        fx.put("distressDrift", e.distressDrift());
        root.put("tradingDays", m.tradingDays());
        ArrayNode files = root.putArray("files");
        for (FileEntry f : m.files()) {
            ObjectNode node = files.addObject();
            node.put("name", f.name());
            node.put("rows", f.rows());
            node.put("sha256", f.sha256());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /** Reads the manifest of a history directory. */
    public static Manifest readManifest(Path dir) {
        Path path = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(path)) {
            throw new HistoryFileException("no " + MANIFEST + " in " + dir
                    + "; write the history with HistoryFiles.write first");
        }
        try {
            JsonNode root = JSON.readTree(path.toFile());
            int format = root.path("format").asInt(-1);
            if (format != FORMAT_VERSION) {
                throw new HistoryFileException(path + " has format " + format + " but this reader understands "
                        + FORMAT_VERSION + "; regenerate the history with this version");
            }
            JsonNode c = root.path("config");
            JsonNode fx = c.path("effects");
            PlantedEffects effects = new PlantedEffects(fx.path("momentumPerMonth").asDouble(),
                    fx.path("valuePerMonth").asDouble(), fx.path("qualityPerMonth").asDouble(),
                    fx.path("sectorComovement").asDouble(), fx.path("disclosureDrift").asDouble(),
                    fx.path("globalLead").asDouble(), fx.path("regimeSwitching").asBoolean(),
                    fx.path("volatilityClustering").asBoolean(), fx.path("distressDrift").asDouble());
            GeneratorConfig config = new GeneratorConfig(c.path("seed").asLong(), c.path("stocks").asInt(),
                    c.path("years").asInt(), LocalDate.parse(c.path("endDate").asText()),
                    c.path("nullMarket").asBoolean(), effects);
            List<FileEntry> files = new ArrayList<>();
            for (JsonNode f : root.path("files")) {
                files.add(new FileEntry(f.path("name").asText(), f.path("rows").asLong(), f.path("sha256").asText()));
            }
            return new Manifest(format, config, root.path("tradingDays").asInt(), files);
        } catch (IOException | RuntimeException e) {
            if (e instanceof HistoryFileException h) {
                throw h;
            }
            throw new HistoryFileException("could not read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a directory written by {@link #write}, verifying every file's SHA-256 against the manifest first. */
    public static MarketHistory read(Path dir) {
        Manifest manifest = readManifest(dir);
        for (String name : FILES) {
            FileEntry entry = manifest.file(name);
            String actual = sha256Of(dir.resolve(name));
            if (!actual.equals(entry.sha256())) {
                throw new HistoryFileException(dir.resolve(name) + " has SHA-256 " + actual + " but the manifest says "
                        + entry.sha256() + "; the file was changed after it was written, regenerate the history");
            }
        }
        List<SectorDef> sectors = new ArrayList<>();
        rows(dir, "sectors.csv", f -> sectors.add(new SectorDef(f.get(0), f.get(1), f.get(2))));
        List<Instrument> instruments = new ArrayList<>();
        rows(dir, "instruments.csv", f -> instruments.add(new Instrument(Symbol.of(f.get(0)), f.get(1), f.get(2),
                f.get(3), f.get(4), Market.valueOf(f.get(5)), SecurityType.valueOf(f.get(6)), f.get(7),
                Long.parseLong(f.get(8)), Long.parseLong(f.get(9)), LocalDate.parse(f.get(10)), date(f.get(11)),
                Boolean.parseBoolean(f.get(12)))));
        List<LocalDate> days = new ArrayList<>();
        rows(dir, "trading_days.csv", f -> days.add(LocalDate.parse(f.get(0))));
        DailyBarTable bars = readBars(dir, manifest.file("daily_bars.csv").rows(), instruments, days);
        List<StatusEvent> status = new ArrayList<>();
        rows(dir, "status_events.csv", f -> status.add(new StatusEvent(Symbol.of(f.get(0)), StatusKind.valueOf(f.get(1)),
                LocalDate.parse(f.get(2)), date(f.get(3)), f.get(4), f.get(5).isEmpty() ? null
                : OffsetDateTime.parse(f.get(5)))));
        List<MarketIndex> indices = new ArrayList<>();
        rows(dir, "market_indices.csv", f -> indices.add(new MarketIndex(f.get(0), f.get(1), Market.valueOf(f.get(2)),
                LocalDate.parse(f.get(3)), Double.parseDouble(f.get(4)))));
        List<IndexBar> indexBars = new ArrayList<>();
        rows(dir, "index_bars.csv", f -> indexBars.add(new IndexBar(f.get(0), LocalDate.parse(f.get(1)),
                Double.parseDouble(f.get(2)), Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)),
                Double.parseDouble(f.get(5)), Long.parseLong(f.get(6)), Long.parseLong(f.get(7)))));
        List<QuarterlyStatement> statements = new ArrayList<>();
        rows(dir, "statements.csv", f -> statements.add(new QuarterlyStatement(Symbol.of(f.get(0)),
                Integer.parseInt(f.get(1)), Integer.parseInt(f.get(2)), LocalDate.parse(f.get(3)),
                OffsetDateTime.parse(f.get(4)), Long.parseLong(f.get(5)), Long.parseLong(f.get(6)),
                Long.parseLong(f.get(7)), Long.parseLong(f.get(8)), Long.parseLong(f.get(9)), Long.parseLong(f.get(10)),
                f.get(11))));
        List<Disclosure> disclosures = new ArrayList<>();
        rows(dir, "disclosures.csv", f -> disclosures.add(new Disclosure(f.get(0), Symbol.of(f.get(1)), f.get(2),
                f.get(3), DisclosureType.valueOf(f.get(4)), f.get(5), OffsetDateTime.parse(f.get(6)),
                Double.parseDouble(f.get(7)), Double.parseDouble(f.get(8)))));
        List<GlobalObservation> global = new ArrayList<>();
        rows(dir, "global_indicators.csv", f -> global.add(new GlobalObservation(GlobalIndicator.ofCode(f.get(0)),
                LocalDate.parse(f.get(1)), Double.parseDouble(f.get(2)))));
        List<RegimeSpan> regimes = new ArrayList<>();
        rows(dir, "regimes.csv", f -> regimes.add(new RegimeSpan(MarketRegime.valueOf(f.get(0)),
                LocalDate.parse(f.get(1)), LocalDate.parse(f.get(2)))));
        return new MarketHistory(manifest.config(), sectors, instruments, bars, status, indices, indexBars, statements,
                disclosures, global, regimes);
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static DailyBarTable readBars(Path dir, long rowCount, List<Instrument> instruments, List<LocalDate> days) {
        int n = instruments.size();
        Map<String, Integer> stockIndex = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            stockIndex.put(instruments.get(i).symbol().code(), i);
        }
        Map<String, Integer> dayIndex = new java.util.HashMap<>();
        for (int t = 0; t < days.size(); t++) {
            dayIndex.put(days.get(t).toString(), t);
        }
        int rows = Math.toIntExact(rowCount);
        int[] stock = new int[rows];
        int[] day = new int[rows];
        long[][] cols = new long[7][rows];
        int[] first = new int[n];
        int[] end = new int[n];
        long[] firstBase = new long[n];
        java.util.Arrays.fill(first, -1);
        int[] k = {0};
        rows(dir, "daily_bars.csv", f -> {
            int r = k[0]++;
            Integer i = stockIndex.get(f.get(0));
            Integer t = dayIndex.get(f.get(1));
            if (i == null || t == null) {
                throw new HistoryFileException("daily_bars.csv row " + (r + 2) + " names an unknown symbol or date: "
                        + f);
            }
            stock[r] = i;
            day[r] = t;
            long base = Long.parseLong(f.get(2));
            boolean traded = !f.get(3).isEmpty();
            cols[0][r] = base;
            cols[1][r] = traded ? Long.parseLong(f.get(3)) : base;
            cols[2][r] = traded ? Long.parseLong(f.get(4)) : base;
            cols[3][r] = traded ? Long.parseLong(f.get(5)) : base;
            cols[4][r] = Long.parseLong(f.get(6));
            cols[5][r] = Long.parseLong(f.get(7));
            cols[6][r] = Long.parseLong(f.get(8));
            if (first[i] < 0) {
                first[i] = t;
                firstBase[i] = base;
            }
            end[i] = t + 1;
        });
        Symbol[] symbols = new Symbol[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = instruments.get(i).symbol();
            if (first[i] < 0) {
                first[i] = 0;
                end[i] = 0;
                firstBase[i] = 1;
            }
        }
        DailyBarTable table = new DailyBarTable(days, symbols, first, end, firstBase);
        for (int r = 0; r < rows; r++) {
            table.set(stock[r], day[r], cols[1][r], cols[2][r], cols[3][r], cols[4][r], cols[5][r], cols[6][r]);
        }
        return table;
    }

    private static void rows(Path dir, String name, Consumer<List<String>> consumer) {
        Path path = dir.resolve(name);
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new HistoryFileException(path + " is empty; regenerate the history");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                consumer.accept(Csv.parse(line));
            }
        } catch (IOException e) {
            throw new HistoryFileException("could not read " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof HistoryFileException h) {
                throw h;
            }
            throw new HistoryFileException("bad row in " + path + ": " + e.getMessage(), e);
        }
    }

    private static String sha256Of(Path path) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new HistoryFileException("could not read " + path + " to check its SHA-256: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
