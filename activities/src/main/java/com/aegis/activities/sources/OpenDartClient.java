package com.aegis.activities.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OpenDART (opendart.fss.or.kr/api): company codes, company overview, disclosure search with paging and financial
 * statements. Every request first takes one unit of the key's daily quota ({@link DartDailyQuota}); a 020 from the
 * provider marks the day spent. Status codes map to: 013 → empty result; 800, 900 → {@link SourceUnavailableException}
 * (retried); 010, 011, 012, 901 → {@link SourceRejectedException} (fix the key); 020 →
 * {@link SourceQuotaExceededException}; 021, 100, 101 → {@link SourceRejectedException} (fix the request).
 * The key goes only into the request URL; messages and logs never contain it.
 */
public final class OpenDartClient {

    public static final String SOURCE = "OPEN_DART";
    public static final int MAX_COMPANIES_PER_REQUEST = 100;
    public static final int MAX_PAGE_COUNT = 100;

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ObjectMapper JSON = new ObjectMapper();


    /** The real provider's domain, a 30 s timeout per attempt, the default retries. */
    public static ProviderSettings defaultSettings() {
        return settings(URI.create("https://opendart.fss.or.kr"));
    }

    /** The provider (or a simulator of it) at {@code baseUri}, with the defaults of {@link #defaultSettings()}. */
    public static ProviderSettings settings(URI baseUri) {
        return ProviderSettings.of(baseUri, Duration.ofSeconds(30));
    }

    private final ProviderSettings settings;
    private final DartApiKey key;
    private final DartDailyQuota quota;
    private final ProviderHttp http;
    private final SourceCallStats stats = new SourceCallStats();

    public OpenDartClient(ProviderSettings settings, DartApiKey key, DartDailyQuota quota, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.key = Objects.requireNonNull(key, "key");
        this.quota = Objects.requireNonNull(quota, "quota");
        this.http = new ProviderHttp(SOURCE, settings.connectTimeout(), settings.retry(), sleeper, stats,
                List.of(key.reveal()));
    }

    public SourceCallStats stats() {
        return stats;
    }

    public DartDailyQuota quota() {
        return quota;
    }

    /** Every company OpenDART knows (corpCode.xml, a ZIP holding CORPCODE.xml). */
    public Fetched<List<DartCorp>> corpCodes() {
        return call("corpCode.xml", Map.of(), response -> parseCorpCodes(response.body()));
    }

    /** Company overview; empty if OpenDART has no such company (013). */
    public Fetched<Optional<DartCompany>> company(String corpCode) {
        return call("company.json", Map.of("corp_code", corpCode), response -> {
            JsonNode root = json("company.json", response);
            if (noData("company.json", root)) {
                return Optional.empty();
            }
            return Optional.of(new DartCompany(text(root, "corp_code"), text(root, "corp_name"),
                    root.path("corp_name_eng").asText(""), root.path("stock_code").asText("").trim(),
                    text(root, "corp_cls"), root.path("induty_code").asText(""), root.path("acc_mt").asText("")));
        });
    }

    /** One page of a disclosure search, newest first; {@code pageCount} 1..100. */
    public Fetched<DisclosurePage> disclosures(DisclosureQuery query, int pageNo, int pageCount) {
        if (pageCount < 1 || pageCount > MAX_PAGE_COUNT) {
            throw new IllegalArgumentException("pageCount must be within 1.." + MAX_PAGE_COUNT + ", got " + pageCount);
        }
        Map<String, String> params = new LinkedHashMap<>();
        query.corpCode().ifPresent(c -> params.put("corp_code", c));
        params.put("bgn_de", query.from().format(YYYYMMDD));
        params.put("end_de", query.to().format(YYYYMMDD));
        query.publicationType().ifPresent(t -> params.put("pblntf_ty", t));
        params.put("page_no", String.valueOf(pageNo));
        params.put("page_count", String.valueOf(pageCount));
        return call("list.json", params, response -> {
            JsonNode root = json("list.json", response);
            if (noData("list.json", root)) {
                return new DisclosurePage(pageNo, pageCount, 0, 0, List.of());
            }
            List<DartDisclosure> items = new ArrayList<>();
            for (JsonNode row : array(root, "list", "list.json")) {
                items.add(new DartDisclosure(text(row, "rcept_no"), text(row, "corp_code"), text(row, "corp_name"),
                        row.path("stock_code").asText("").trim(), row.path("corp_cls").asText(""),
                        text(row, "report_nm"), row.path("flr_nm").asText(""), date(text(row, "rcept_dt")),
                        row.path("rm").asText("")));
            }
            return new DisclosurePage(integer(root, "page_no"), integer(root, "page_count"),
                    integer(root, "total_count"), integer(root, "total_page"), items);
        });
    }

    /** Every filing of a search, walking the pages 100 at a time; attempts and time are summed over the pages. */
    public Fetched<List<DartDisclosure>> allDisclosures(DisclosureQuery query) {
        List<DartDisclosure> all = new ArrayList<>();
        int attempts = 0;
        Duration elapsed = Duration.ZERO;
        int page = 1;
        while (true) {
            Fetched<DisclosurePage> p = disclosures(query, page, MAX_PAGE_COUNT);
            attempts += p.attempts();
            elapsed = elapsed.plus(p.elapsed());
            all.addAll(p.value().disclosures());
            if (p.value().isLast() || p.value().disclosures().isEmpty()) {
                return new Fetched<>(List.copyOf(all), attempts, elapsed);
            }
            page++;
        }
    }

    /** All accounts of one company's report (fnlttSinglAcntAll.json); empty if not filed (013). */
    public Fetched<List<FinancialStatementLine>> financialStatements(String corpCode, int businessYear,
                                                                      DartReportCode report, String fsDiv) {
        if (!fsDiv.equals("CFS") && !fsDiv.equals("OFS")) {
            throw new IllegalArgumentException("fsDiv must be CFS (consolidated) or OFS (separate), got " + fsDiv);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("corp_code", corpCode);
        params.put("bsns_year", String.valueOf(businessYear));
        params.put("reprt_code", report.code());
        params.put("fs_div", fsDiv);
        return call("fnlttSinglAcntAll.json", params, response -> {
            JsonNode root = json("fnlttSinglAcntAll.json", response);
            if (noData("fnlttSinglAcntAll.json", root)) {
                return List.of();
            }
            List<FinancialStatementLine> lines = new ArrayList<>();
            for (JsonNode row : array(root, "list", "fnlttSinglAcntAll.json")) {
                lines.add(new FinancialStatementLine(text(row, "corp_code"), "", businessYear, report, fsDiv,
                        text(row, "sj_div"), row.path("account_id").asText(""), text(row, "account_nm"),
                        amount(row, "thstrm_amount"), amount(row, "thstrm_add_amount"), amount(row, "frmtrm_amount"),
                        text(row, "rcept_no")));
            }
            return List.copyOf(lines);
        });
    }

    /**
     * Main accounts of many companies (fnlttMultiAcnt.json), sent in batches of at most
     * {@value #MAX_COMPANIES_PER_REQUEST} companies as OpenDART requires.
     */
    public Fetched<List<FinancialStatementLine>> mainAccounts(List<String> corpCodes, int businessYear,
                                                               DartReportCode report) {
        List<FinancialStatementLine> all = new ArrayList<>();
        int attempts = 0;
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < corpCodes.size(); i += MAX_COMPANIES_PER_REQUEST) {
            Fetched<List<FinancialStatementLine>> batch = mainAccountsBatch(
                    corpCodes.subList(i, Math.min(corpCodes.size(), i + MAX_COMPANIES_PER_REQUEST)), businessYear,
                    report);
            all.addAll(batch.value());
            attempts += batch.attempts();
            elapsed = elapsed.plus(batch.elapsed());
        }
        return new Fetched<>(List.copyOf(all), attempts, elapsed);
    }

    /** One fnlttMultiAcnt.json request, as given (no batching). */
    Fetched<List<FinancialStatementLine>> mainAccountsBatch(List<String> corpCodes, int businessYear,
                                                            DartReportCode report) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("corp_code", String.join(",", corpCodes));
        params.put("bsns_year", String.valueOf(businessYear));
        params.put("reprt_code", report.code());
        return call("fnlttMultiAcnt.json", params, response -> {
            JsonNode root = json("fnlttMultiAcnt.json", response);
            if (noData("fnlttMultiAcnt.json", root)) {
                return List.of();
            }
            List<FinancialStatementLine> lines = new ArrayList<>();
            for (JsonNode row : array(root, "list", "fnlttMultiAcnt.json")) {
                lines.add(new FinancialStatementLine(row.path("corp_code").asText(""),
                        row.path("stock_code").asText("").trim(), businessYear, report, text(row, "fs_div"),
                        text(row, "sj_div"), row.path("account_id").asText(""), text(row, "account_nm"),
                        amount(row, "thstrm_amount"), amount(row, "thstrm_add_amount"), amount(row, "frmtrm_amount"),
                        text(row, "rcept_no")));
            }
            return List.copyOf(lines);
        });
    }

    // ------------------------------------------------------------------ transport and status mapping

    private <T> Fetched<T> call(String endpoint, Map<String, String> params, Function<HttpResponse<byte[]>, T> parse) {
        String what = "OpenDART " + endpoint + " " + params;
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.call(what, () -> {
            quota.acquire(key);
            URI uri = settings.baseUri().resolve("/api/" + endpoint + "?crtfc_key="
                    + URLEncoder.encode(key.reveal(), StandardCharsets.UTF_8) + (query.isEmpty() ? "" : "&" + query));
            return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET().build();
        }, response -> {
            if (response.statusCode() != 200) {
                throw new SourceRejectedException(SOURCE, String.valueOf(response.statusCode()),
                        what + " answered HTTP " + response.statusCode() + "; check the endpoint and base URL");
            }
            return parse.apply(response);
        });
    }

    /** True for 013 (no data); throws the typed error for every other non-000 status. */
    private boolean noData(String endpoint, JsonNode root) {
        String status = text(root, "status");
        return checkStatus(endpoint, status, root.path("message").asText(""));
    }

    private boolean checkStatus(String endpoint, String status, String message) {
        String what = "OpenDART " + endpoint;
        return switch (status) {
            case "000" -> false;
            case "013", "014" -> true;
            case "800", "900" -> throw new SourceUnavailableException(SOURCE, what + " answered status " + status
                    + " (" + message + "); retry later", null);
            case "010", "011", "012", "901" -> throw new SourceRejectedException(SOURCE, status, what
                    + " rejected the API key " + key.fingerprint() + " with status " + status + " (" + message
                    + "); check " + DartApiKey.ENV_KEY + " and the key's registration on opendart.fss.or.kr");
            case "020" -> {
                quota.markSpent(key);
                LocalDate resets = quota.today().plusDays(1);
                throw new SourceQuotaExceededException(SOURCE, what + " answered 020: the daily request limit of key "
                        + key.fingerprint() + " is exceeded (" + message + "); it resets on " + resets + " KST",
                        false, resets);
            }
            case "021", "100", "101" -> throw new SourceRejectedException(SOURCE, status, what
                    + " rejected the request with status " + status + " (" + message + "); fix the parameters");
            default -> throw new SourceProtocolException(SOURCE, what + " answered an unknown status '" + status
                    + "' (" + message + ")");
        };
    }

    private JsonNode json(String endpoint, HttpResponse<byte[]> response) {
        try {
            JsonNode root = JSON.readTree(response.body());
            if (root == null || !root.isObject()) {
                throw new SourceProtocolException(SOURCE, "OpenDART " + endpoint + " answered something other than a"
                        + " JSON object (" + response.body().length + " bytes)");
            }
            return root;
        } catch (IOException e) {
            throw new SourceProtocolException(SOURCE, "OpenDART " + endpoint + " answered a body that is not JSON ("
                    + response.body().length + " bytes)", null);
        }
    }

    private List<DartCorp> parseCorpCodes(byte[] body) {
        if (body.length < 2 || body[0] != 'P' || body[1] != 'K') {
            // Errors come back as a small XML (or JSON) status document instead of the ZIP.
            Map<String, String> status = statusDocument(body);
            checkStatus("corpCode.xml", status.getOrDefault("status", ""), status.getOrDefault("message", ""));
            return List.of();
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equalsIgnoreCase("CORPCODE.xml")) {
                    return parseCorpCodeXml(zip);
                }
            }
        } catch (IOException e) {
            throw new SourceProtocolException(SOURCE, "OpenDART corpCode.xml answered a broken ZIP ("
                    + body.length + " bytes): " + e.getMessage(), e);
        }
        throw new SourceProtocolException(SOURCE, "OpenDART corpCode.xml ZIP holds no CORPCODE.xml");
    }

    private static List<DartCorp> parseCorpCodeXml(InputStream in) {
        List<DartCorp> out = new ArrayList<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
            Map<String, String> fields = new HashMap<>();
            String current = null;
            StringBuilder text = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    current = xml.getLocalName();
                    text.setLength(0);
                    if (current.equals("list")) {
                        fields.clear();
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("list")) {
                        out.add(corp(fields));
                    } else {
                        fields.put(name, text.toString().trim());
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            throw new SourceProtocolException(SOURCE, "OpenDART CORPCODE.xml is not well-formed after "
                    + out.size() + " companies: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private static DartCorp corp(Map<String, String> f) {
        String code = f.get("corp_code");
        if (code == null || code.length() != 8) {
            throw new SourceProtocolException(SOURCE, "CORPCODE.xml entry without an 8-digit corp_code: " + f);
        }
        String stock = f.getOrDefault("stock_code", "").trim();
        String modified = f.get("modify_date");
        LocalDate modifiedOn;
        try {
            modifiedOn = modified == null || modified.isBlank() ? null : LocalDate.parse(modified, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new SourceProtocolException(SOURCE, "CORPCODE.xml modify_date of " + code + " is not yyyyMMdd: '"
                    + modified + "'", e);
        }
        return new DartCorp(code, f.getOrDefault("corp_name", ""), f.getOrDefault("corp_eng_name", ""),
                stock.isEmpty() ? Optional.empty() : Optional.of(stock), modifiedOn);
    }

    private static Map<String, String> statusDocument(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        Map<String, String> out = new HashMap<>();
        if (text.startsWith("{")) {
            try {
                JsonNode root = JSON.readTree(text);
                out.put("status", root.path("status").asText(""));
                out.put("message", root.path("message").asText(""));
                return out;
            } catch (IOException e) {
                throw new SourceProtocolException(SOURCE, "OpenDART corpCode.xml answered neither a ZIP nor a status"
                        + " document (" + body.length + " bytes)", e);
            }
        }
        for (String tag : List.of("status", "message")) {
            int a = text.indexOf("<" + tag + ">");
            int b = text.indexOf("</" + tag + ">");
            if (a >= 0 && b > a) {
                out.put(tag, text.substring(a + tag.length() + 2, b).trim());
            }
        }
        if (!out.containsKey("status")) {
            throw new SourceProtocolException(SOURCE, "OpenDART corpCode.xml answered neither a ZIP nor a status"
                    + " document (" + body.length + " bytes)");
        }
        return out;
    }

    private static JsonNode array(JsonNode root, String field, String endpoint) {
        JsonNode a = root.get(field);
        if (a == null || !a.isArray()) {
            throw new SourceProtocolException(SOURCE, "OpenDART " + endpoint + " answered status 000 without the"
                    + " array '" + field + "'");
        }
        return a;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new SourceProtocolException(SOURCE, "OpenDART answer misses field '" + field + "'");
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !(v.isInt() || v.isTextual() && v.asText().matches("\\d+"))) {
            throw new SourceProtocolException(SOURCE, "OpenDART list.json field '" + field + "' is not a number: "
                    + v);
        }
        return v.asInt();
    }

    /** DART amounts: digits with an optional minus, sometimes comma-grouped; "" or "-" when absent. */
    private static OptionalLong amount(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        String s = v.asText().replace(",", "").trim();
        if (s.isEmpty() || s.equals("-")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new SourceProtocolException(SOURCE, "OpenDART amount " + field + " is not a whole number: '"
                    + v.asText() + "'", e);
        }
    }

    private static LocalDate date(String yyyymmdd) {
        try {
            return LocalDate.parse(yyyymmdd, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new SourceProtocolException(SOURCE, "OpenDART date is not yyyyMMdd: '" + yyyymmdd + "'", e);
        }
    }
}
