package com.aegis.marketsim.providers;

import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.generator.Disclosure;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.QuarterlyStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OpenDART (opendart.fss.or.kr) under {@code /api}: {@code corpCode.xml} (a ZIP holding CORPCODE.xml),
 * {@code company.json}, {@code list.json} (paged disclosure search), {@code fnlttSinglAcntAll.json} (one company's
 * full statements) and {@code fnlttMultiAcnt.json} (main accounts of up to 100 companies). Every answer carries
 * OpenDART's {@code status}/{@code message}: 000 ok, 010 unregistered key, 011 suspended key, 013 no data,
 * 020 daily request limit exceeded, 021 more than 100 companies, 100 invalid field, 800 maintenance,
 * 900 undefined error. Requests are counted per key per KST day against {@link Settings#dailyQuotaPerKey()}.
 * Only filings public at the simulated time are visible. The synthetic companies file consolidated statements
 * only, so {@code fs_div=OFS} answers 013.
 */
public final class OpenDartSimulator extends SimulatedHttpService {

    /**
     * @param registeredKeys   keys that may call the API
     * @param suspendedKeys    registered keys that answer 011
     * @param dailyQuotaPerKey requests per key per KST day before 020 (OpenDART's is 20,000)
     */
    public record Settings(Set<String> registeredKeys, Set<String> suspendedKeys, int dailyQuotaPerKey) {
        public Settings {
            registeredKeys = Set.copyOf(registeredKeys);
            suspendedKeys = Set.copyOf(suspendedKeys);
            if (dailyQuotaPerKey < 1) {
                throw new IllegalArgumentException("dailyQuotaPerKey must be positive, got " + dailyQuotaPerKey);
            }
        }

        public static Settings of(String key, int dailyQuotaPerKey) {
            return new Settings(Set.of(key), Set.of(), dailyQuotaPerKey);
        }
    }

    public static final int MAX_COMPANIES_PER_REQUEST = 100;
    public static final int MAX_PAGE_COUNT = 100;

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Integer> REPORT_QUARTER = Map.of("11013", 1, "11012", 2, "11014", 3, "11011", 4);
    private static final Map<String, String> MESSAGES = Map.of(
            "000", "정상",
            "010", "등록되지 않은 키입니다.",
            "011", "사용할 수 없는 키입니다. 오픈API에 등록되었으나, 일시적으로 사용 중지된 키를 통하여 검색하는 경우 발생합니다.",
            "013", "조회된 데이타가 없습니다.",
            "020", "요청 제한을 초과하였습니다.",
            "021", "조회 가능한 회사 개수가 초과하였습니다.(최대 100건)",
            "100", "필드의 부적절한 값입니다.",
            "800", "시스템 점검으로 인한 서비스가 중지 중입니다.",
            "900", "정의되지 않은 오류가 발생하였습니다.");

    private final ProviderData data;
    private final Settings settings;
    private final Map<String, AtomicInteger> callsPerKeyDay = new ConcurrentHashMap<>();
    private final Map<String, List<Instrument>> instrumentsByCorp = new HashMap<>();
    private volatile boolean maintenance;

    private OpenDartSimulator(ProviderData data, Settings settings, FaultPlan faultPlan, Supplier<Instant> clock,
                              int port, int threads) {
        super("dart", faultPlan, clock, port, threads);
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (Instrument i : data.instruments()) {
            instrumentsByCorp.computeIfAbsent(i.corpCode(), k -> new ArrayList<>()).add(i);
        }
        startServer();
    }

    /** Starts a simulator on localhost; port 0 picks an ephemeral port. */
    public static OpenDartSimulator start(ProviderData data, Settings settings, FaultPlan faultPlan,
                                          Supplier<Instant> clock, int port) {
        return new OpenDartSimulator(data, settings, faultPlan, clock, port, 4);
    }

    /** While on, every request answers 800 (scheduled maintenance). */
    public void setMaintenance(boolean on) {
        this.maintenance = on;
    }

    /** Requests counted against a key on a KST day (including refused ones over the quota). */
    public int callsCounted(String key, LocalDate kstDay) {
        AtomicInteger n = callsPerKeyDay.get(key + "@" + kstDay);
        return n == null ? 0 : n.get();
    }

    @Override
    protected String operationOf(Request request) {
        String p = request.path();
        return p.startsWith("/api/") ? p.substring(5) : p;
    }

    @Override
    protected Response serverError(Request request) {
        return status("900", request);
    }

    @Override
    protected Response answer(Request request, ServingTime time) {
        String op = operationOf(request);
        if (!Set.of("corpCode.xml", "company.json", "list.json", "fnlttSinglAcntAll.json", "fnlttMultiAcnt.json")
                .contains(op)) {
            return Response.text(404, "OpenDART has no endpoint /api/" + op);
        }
        if (maintenance) {
            return status("800", request);
        }
        String key = request.param("crtfc_key");
        if (key == null) {
            return status("100", request, "crtfc_key 가 없습니다.");
        }
        if (!settings.registeredKeys().contains(key)) {
            return status("010", request);
        }
        if (settings.suspendedKeys().contains(key)) {
            return status("011", request);
        }
        LocalDate kstDay = time.now().atZone(KST).toLocalDate();
        int calls = callsPerKeyDay.computeIfAbsent(key + "@" + kstDay, k -> new AtomicInteger()).incrementAndGet();
        if (calls > settings.dailyQuotaPerKey()) {
            return status("020", request);
        }
        try {
            return switch (op) {
                case "corpCode.xml" -> corpCodes(time);
                case "company.json" -> company(request);
                case "list.json" -> list(request, time);
                case "fnlttSinglAcntAll.json" -> singleAccounts(request, time);
                default -> multiAccounts(request, time);
            };
        } catch (DartError e) {
            return status(e.status, request, e.getMessage());
        }
    }

    private Response corpCodes(ServingTime time) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<result>\n");
        String modified = time.asOf().atZone(KST).toLocalDate().format(YYYYMMDD);
        for (Map.Entry<String, List<Instrument>> e : instrumentsByCorp.entrySet()) {
            Instrument common = e.getValue().get(0);
            xml.append("<list>\n<corp_code>").append(e.getKey()).append("</corp_code>\n<corp_name>")
                    .append(escape(common.name())).append("</corp_name>\n<corp_eng_name>")
                    .append(escape(common.nameEn())).append("</corp_eng_name>\n<stock_code>")
                    .append(common.symbol().code()).append("</stock_code>\n<modify_date>").append(modified)
                    .append("</modify_date>\n</list>\n");
        }
        xml.append("</result>\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("CORPCODE.xml"));
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Response(200, "application/x-msdownload", bytes.toByteArray());
    }

    private Response company(Request request) {
        Instrument ins = instrument(required(request, "corp_code"));
        ObjectNode root = ok();
        root.put("corp_code", ins.corpCode());
        root.put("corp_name", ins.name());
        root.put("corp_name_eng", ins.nameEn());
        root.put("stock_name", ins.name());
        root.put("stock_code", ins.symbol().code());
        root.put("ceo_nm", "대표이사");
        root.put("corp_cls", corpCls(ins));
        root.put("jurir_no", "");
        root.put("bizr_no", "");
        root.put("adres", "서울특별시");
        root.put("hm_url", "");
        root.put("ir_url", "");
        root.put("phn_no", "");
        root.put("fax_no", "");
        root.put("induty_code", ins.sectorCode());
        root.put("est_dt", ins.listedOn().minusYears(5).format(YYYYMMDD));
        root.put("acc_mt", "12");
        return json(root);
    }

    private Response list(Request request, ServingTime time) {
        String corpCode = request.param("corp_code");
        LocalDate today = time.now().atZone(KST).toLocalDate();
        LocalDate end = optionalDate(request, "end_de", today);
        LocalDate begin = optionalDate(request, "bgn_de", end);
        if (begin.isAfter(end)) {
            throw new DartError("100", "bgn_de " + begin + " 이 end_de " + end + " 보다 늦습니다.");
        }
        if (corpCode == null && begin.plusMonths(3).isBefore(end)) {
            throw new DartError("100", "corp_code 가 없으면 검색기간은 3개월 이내여야 합니다.");
        }
        String type = request.param("pblntf_ty");
        int pageNo = intParam(request, "page_no", 1, 1, Integer.MAX_VALUE);
        int pageCount = intParam(request, "page_count", 10, 1, MAX_PAGE_COUNT);
        boolean ascending = "asc".equals(request.param("sort_mth"));
        List<Disclosure> hits = new ArrayList<>();
        for (Disclosure d : data.disclosures()) {
            LocalDate filed = d.filedAt().atZoneSameInstant(KST).toLocalDate();
            if (d.filedAt().toInstant().isAfter(time.asOf()) || filed.isBefore(begin) || filed.isAfter(end)) {
                continue;
            }
            if ((corpCode == null || corpCode.equals(d.corpCode()))
                    && (type == null || type.equals(d.type().publicationType()))) {
                hits.add(d);
            }
        }
        if (!ascending) {
            java.util.Collections.reverse(hits);
        }
        if (hits.isEmpty()) {
            throw new DartError("013", MESSAGES.get("013"));
        }
        int totalPage = (hits.size() + pageCount - 1) / pageCount;
        ObjectNode root = ok();
        root.put("page_no", pageNo);
        root.put("page_count", pageCount);
        root.put("total_count", hits.size());
        root.put("total_page", totalPage);
        ArrayNode list = root.putArray("list");
        int from = (pageNo - 1) * pageCount;
        for (int i = from; i < Math.min(hits.size(), from + pageCount); i++) {
            Disclosure d = hits.get(i);
            Instrument ins = instrumentsByCorp.get(d.corpCode()).get(0);
            ObjectNode row = list.addObject();
            row.put("corp_cls", corpCls(ins));
            row.put("corp_name", d.corpName());
            row.put("corp_code", d.corpCode());
            row.put("stock_code", d.symbol().code());
            row.put("report_nm", d.title());
            row.put("rcept_no", d.rceptNo());
            row.put("flr_nm", d.corpName());
            row.put("rcept_dt", d.filedAt().atZoneSameInstant(KST).toLocalDate().format(YYYYMMDD));
            row.put("rm", ins.market().name().equals("KOSDAQ") ? "코" : ins.market().name().equals("KOSPI")
                    ? "유" : "넥");
        }
        return json(root);
    }

    private Response singleAccounts(Request request, ServingTime time) {
        Instrument ins = instrument(required(request, "corp_code"));
        int year = year(request);
        String reprtCode = reportCode(request);
        String fsDiv = required(request, "fs_div");
        if (!fsDiv.equals("CFS") && !fsDiv.equals("OFS")) {
            throw new DartError("100", "fs_div 는 CFS(연결) 또는 OFS(별도) 입니다: " + fsDiv);
        }
        if (fsDiv.equals("OFS")) {
            throw new DartError("013", MESSAGES.get("013"));
        }
        int quarter = REPORT_QUARTER.get(reprtCode);
        QuarterlyStatement current = statement(ins, year, quarter, time.asOf());
        QuarterlyStatement prior = findStatement(ins, year - 1, quarter, time.asOf());
        ObjectNode root = ok();
        ArrayNode list = root.putArray("list");
        String[][] accounts = {
                {"BS", "재무상태표", "ifrs-full_Assets", "자산총계"},
                {"BS", "재무상태표", "ifrs-full_Liabilities", "부채총계"},
                {"BS", "재무상태표", "ifrs-full_Equity", "자본총계"},
                {"IS", "손익계산서", "ifrs-full_Revenue", "매출액"},
                {"IS", "손익계산서", "dart_OperatingIncomeLoss", "영업이익"},
                {"IS", "손익계산서", "ifrs-full_ProfitLoss", "당기순이익"},
                {"CF", "현금흐름표", "ifrs-full_CashFlowsFromUsedInOperatingActivities", "영업활동현금흐름"}};
        int ord = 1;
        for (String[] a : accounts) {
            ObjectNode row = list.addObject();
            row.put("rcept_no", current.rceptNo());
            row.put("reprt_code", reprtCode);
            row.put("bsns_year", String.valueOf(year));
            row.put("corp_code", ins.corpCode());
            row.put("sj_div", a[0]);
            row.put("sj_nm", a[1]);
            row.put("account_id", a[2]);
            row.put("account_nm", a[3]);
            row.put("account_detail", "-");
            row.put("thstrm_nm", "제 " + (year - 1969) + " 기" + (quarter == 4 ? "" : " " + quarter + "분기"));
            boolean flow = !a[0].equals("BS");
            boolean cumulativeOnly = a[0].equals("CF");
            long thisQuarter = amount(current, a[2]);
            long ytd = flow ? yearToDate(ins, year, quarter, a[2], time.asOf()) : thisQuarter;
            if (!flow || quarter == 4 || cumulativeOnly) {
                row.put("thstrm_amount", String.valueOf(flow ? ytd : thisQuarter));
            } else {
                row.put("thstrm_amount", String.valueOf(thisQuarter));
                row.put("thstrm_add_amount", String.valueOf(ytd));
            }
            if (prior != null) {
                row.put("frmtrm_nm", "제 " + (year - 1970) + " 기");
                long priorValue = flow ? yearToDate(ins, year - 1, quarter, a[2], time.asOf()) : amount(prior, a[2]);
                row.put("frmtrm_amount", String.valueOf(priorValue));
            }
            row.put("ord", String.valueOf(ord++));
            row.put("currency", "KRW");
        }
        return json(root);
    }

    private Response multiAccounts(Request request, ServingTime time) {
        String[] codes = required(request, "corp_code").split(",");
        if (codes.length > MAX_COMPANIES_PER_REQUEST) {
            throw new DartError("021", MESSAGES.get("021"));
        }
        int year = year(request);
        String reprtCode = reportCode(request);
        int quarter = REPORT_QUARTER.get(reprtCode);
        ObjectNode root = ok();
        ArrayNode list = root.putArray("list");
        for (String code : codes) {
            List<Instrument> listed = instrumentsByCorp.get(code.trim());
            if (listed == null) {
                continue;
            }
            Instrument ins = listed.get(0);
            QuarterlyStatement s = findStatement(ins, year, quarter, time.asOf());
            if (s == null) {
                continue;
            }
            String[][] accounts = {{"BS", "ifrs-full_Assets", "자산총계"}, {"BS", "ifrs-full_Liabilities", "부채총계"},
                    {"BS", "ifrs-full_Equity", "자본총계"}, {"IS", "ifrs-full_Revenue", "매출액"},
                    {"IS", "dart_OperatingIncomeLoss", "영업이익"}, {"IS", "ifrs-full_ProfitLoss", "당기순이익"}};
            int ord = 1;
            for (String[] a : accounts) {
                ObjectNode row = list.addObject();
                row.put("rcept_no", s.rceptNo());
                row.put("bsns_year", String.valueOf(year));
                row.put("stock_code", ins.symbol().code());
                row.put("reprt_code", reprtCode);
                row.put("account_nm", a[2]);
                row.put("fs_div", "CFS");
                row.put("fs_nm", "연결재무제표");
                row.put("sj_div", a[0]);
                row.put("sj_nm", a[0].equals("BS") ? "재무상태표" : "손익계산서");
                row.put("thstrm_nm", "제 " + (year - 1969) + " 기");
                long v = a[0].equals("BS") ? amount(s, a[1]) : yearToDate(ins, year, quarter, a[1], time.asOf());
                // The multi-company endpoint formats amounts with thousands separators, unlike fnlttSinglAcntAll.
                row.put("thstrm_amount", KrxDataSimulator.comma(v));
                row.put("ord", String.valueOf(ord++));
                row.put("currency", "KRW");
            }
        }
        if (list.isEmpty()) {
            throw new DartError("013", MESSAGES.get("013"));
        }
        return json(root);
    }

    private QuarterlyStatement statement(Instrument ins, int year, int quarter, Instant asOf) {
        QuarterlyStatement s = findStatement(ins, year, quarter, asOf);
        if (s == null) {
            throw new DartError("013", MESSAGES.get("013"));
        }
        return s;
    }

    private QuarterlyStatement findStatement(Instrument ins, int year, int quarter, Instant asOf) {
        for (QuarterlyStatement q : data.statements(ins.symbol())) {
            if (q.fiscalYear() == year && q.fiscalQuarter() == quarter && !q.publishedAt().toInstant().isAfter(asOf)) {
                return q;
            }
        }
        return null;
    }

    private long yearToDate(Instrument ins, int year, int quarter, String accountId, Instant asOf) {
        long sum = 0;
        for (QuarterlyStatement q : data.statements(ins.symbol())) {
            if (q.fiscalYear() == year && q.fiscalQuarter() <= quarter && !q.publishedAt().toInstant().isAfter(asOf)) {
                sum += amount(q, accountId);
            }
        }
        return sum;
    }

    private static long amount(QuarterlyStatement q, String accountId) {
        return switch (accountId) {
            case "ifrs-full_Assets" -> q.equity() + q.liabilities();
            case "ifrs-full_Liabilities" -> q.liabilities();
            case "ifrs-full_Equity" -> q.equity();
            case "ifrs-full_Revenue" -> q.revenue();
            case "dart_OperatingIncomeLoss" -> q.operatingIncome();
            case "ifrs-full_ProfitLoss" -> q.netIncome();
            default -> q.operatingCashFlow();
        };
    }

    private Instrument instrument(String corpCode) {
        List<Instrument> listed = instrumentsByCorp.get(corpCode);
        if (listed == null) {
            throw new DartError("013", MESSAGES.get("013"));
        }
        return listed.get(0);
    }

    private static String corpCls(Instrument ins) {
        return switch (ins.market()) {
            case KOSPI -> "Y";
            case KOSDAQ -> "K";
            case KONEX -> "N";
        };
    }

    private static int year(Request request) {
        String v = required(request, "bsns_year");
        try {
            int y = Integer.parseInt(v);
            if (y < 2015) {
                throw new DartError("100", "bsns_year 는 2015년 이후입니다: " + v);
            }
            return y;
        } catch (NumberFormatException e) {
            throw new DartError("100", "bsns_year 는 4자리 연도입니다: " + v);
        }
    }

    private static String reportCode(Request request) {
        String v = required(request, "reprt_code");
        if (!REPORT_QUARTER.containsKey(v)) {
            throw new DartError("100", "reprt_code 는 11013, 11012, 11014, 11011 중 하나입니다: " + v);
        }
        return v;
    }

    private static String required(Request request, String field) {
        String v = request.param(field);
        if (v == null) {
            throw new DartError("100", "필수 값 " + field + " 이(가) 없습니다.");
        }
        return v;
    }

    private static LocalDate optionalDate(Request request, String field, LocalDate fallback) {
        String v = request.param(field);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new DartError("100", field + " 는 YYYYMMDD 형식입니다: " + v);
        }
    }

    private static int intParam(Request request, String field, int fallback, int min, int max) {
        String v = request.param(field);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new DartError("100", field + " 는 " + min + ".." + max + " 범위입니다: " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new DartError("100", field + " 는 숫자입니다: " + v);
        }
    }

    private static ObjectNode ok() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "000");
        root.put("message", MESSAGES.get("000"));
        return root;
    }

    private static Response status(String code, Request request) {
        return status(code, request, MESSAGES.get(code));
    }

    private static Response status(String code, Request request, String message) {
        if (request.path().endsWith(".xml")) {
            return new Response(200, "application/xml; charset=UTF-8", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<result><status>" + code + "</status><message>" + escape(message) + "</message></result>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("status", code);
        root.put("message", message);
        return json(root);
    }

    private static Response json(ObjectNode root) {
        try {
            return Response.json(200, JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write OpenDART JSON: " + e.getMessage(), e);
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final class DartError extends RuntimeException {
        final String status;

        DartError(String status, String message) {
            super(message);
            this.status = status;
        }
    }
}
