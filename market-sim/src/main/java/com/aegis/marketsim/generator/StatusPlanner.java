package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans delistings (관리종목 designation, a halt, 정리매매, then delisting), stand-alone trading halts and
 * administrative designations that are later lifted. Runs before the price path, which freezes halted stocks.
 * Investment warnings depend on the price path and are added afterwards ({@link #investmentWarnings}).
 */
final class StatusPlanner {

    static final ZoneOffset KST = ZoneOffset.ofHours(9);
    static final int LIQUIDATION_SESSIONS = 7;

    private final GeneratorConfig config;
    private final List<LocalDate> days;
    private final List<StatusEvent> events = new ArrayList<>();

    StatusPlanner(GeneratorConfig config, List<LocalDate> days) {
        this.config = config;
        this.days = days;
    }

    List<StatusEvent> plan(List<StockProfile> stocks) {
        int historyDays = days.size();
        planDelistings(stocks, historyDays);
        for (StockProfile s : stocks) {
            RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.STATUS, s.index);
            planHalts(s, r, historyDays);
            planLiftedDesignation(s, r, historyDays);
        }
        return events;
    }

    private void planDelistings(List<StockProfile> stocks, int historyDays) {
        if (historyDays < 120) {
            return;
        }
        RandomStream r = RandomStream.of(config.seed(), RandomStream.Purpose.STATUS, -1);
        // Delisted companies come from the small half of KOSDAQ/KONEX and, rarely, small KOSPI names.
        List<StockProfile> pool = new ArrayList<>();
        for (StockProfile s : stocks) {
            if (!s.preferred && s.firstDay == 0 && s.capAtListing < 1.2e11) {
                pool.add(s);
            }
        }
        pool.sort(Comparator.comparingInt(s -> s.index));
        int count = Math.min(pool.size(), (int) Math.round(stocks.size() * UniverseBuilder.DELISTING_SHARE));
        for (int k = 0; k < count; k++) {
            StockProfile s = pool.remove(r.nextInt(pool.size()));
            int delistDay = r.between(90, historyDays - 1);
            s.endDay = delistDay;
            s.delistedOn = days.get(delistDay);
            int liquidationFrom = delistDay - LIQUIDATION_SESSIONS;
            int haltFrom = Math.max(1, liquidationFrom - r.between(5, 25));
            int adminFrom = Math.max(0, haltFrom - r.between(40, 160));
            s.distressFrom = adminFrom;
            Symbol sym = Symbol.of(s.code);
            add(sym, StatusKind.ADMINISTRATIVE_ISSUE, adminFrom, delistDay - 1,
                    r.chance(0.5) ? "감사의견 거절 (disclaimer of audit opinion)" : "자본잠식률 50% 이상 (capital impairment)");
            add(sym, StatusKind.DELISTING_REVIEW, haltFrom, liquidationFrom - 1, "상장적격성 실질심사 (listing eligibility review)");
            add(sym, StatusKind.TRADING_HALT, haltFrom, liquidationFrom - 1, "상장폐지 사유 발생 (delisting cause)");
            add(sym, StatusKind.LIQUIDATION_TRADING, liquidationFrom, delistDay - 1, "상장폐지 결정에 따른 정리매매");
            for (int d = haltFrom; d < liquidationFrom; d++) {
                s.flag(d, StockProfile.HALTED, historyDays);
            }
            for (int d = liquidationFrom; d < delistDay; d++) {
                s.flag(d, StockProfile.LIQUIDATION, historyDays);
            }
        }
    }

    private void planHalts(StockProfile s, RandomStream r, int historyDays) {
        double years = (s.endDay - s.firstDay) / 245.0;
        int halts = r.poisson(0.03 * years);
        for (int k = 0; k < halts; k++) {
            int length = r.between(1, 3);
            int from = r.between(s.firstDay + 1, Math.max(s.firstDay + 1, s.endDay - length - 1));
            int to = Math.min(from + length - 1, s.endDay - 1);
            if (from > to || anyHalted(s, from, to) || (s.distressFrom >= 0 && to >= s.distressFrom)) {
                continue;
            }
            String reason = switch (r.nextInt(3)) {
                case 0 -> "풍문 또는 보도 관련 조회공시 요구 (rumour inquiry)";
                case 1 -> "주요사항 공시 지연 (late material disclosure)";
                default -> "투자자 보호를 위한 매매거래정지 (investor protection)";
            };
            add(Symbol.of(s.code), StatusKind.TRADING_HALT, from, to, reason);
            for (int d = from; d <= to; d++) {
                s.flag(d, StockProfile.HALTED, historyDays);
            }
        }
    }

    private void planLiftedDesignation(StockProfile s, RandomStream r, int historyDays) {
        if (s.preferred || s.market == Market.KOSPI || s.capAtListing > 1.0e11 || s.distressFrom >= 0
                || !r.chance(0.02) || s.endDay - s.firstDay < 200) {
            return;
        }
        int from = r.between(s.firstDay, s.endDay - 100);
        int length = r.between(60, 250);
        int to = from + length;
        add(Symbol.of(s.code), StatusKind.ADMINISTRATIVE_ISSUE, from, to >= historyDays ? -1 : to,
                "사업보고서 법정기한 내 미제출 또는 영업손실 (late annual report or persistent losses)");
    }

    private static boolean anyHalted(StockProfile s, int from, int to) {
        for (int d = from; d <= to; d++) {
            if (s.halted(d)) {
                return true;
            }
        }
        return false;
    }

    /** Adds an event from day index {@code from} to {@code to} inclusive; to = -1 means still in force. */
    private void add(Symbol symbol, StatusKind kind, int from, int to, String reason) {
        LocalDate fromDate = days.get(from);
        LocalDate announceDate = from > 0 ? days.get(from - 1) : fromDate;
        OffsetDateTime announced = OffsetDateTime.of(announceDate, from > 0 ? LocalTime.of(17, 30) : LocalTime.of(7, 30),
                KST);
        events.add(new StatusEvent(symbol, kind, fromDate, to < 0 ? null : days.get(to), reason, announced));
    }

    /**
     * 투자경고 designations the price path earned: a rise of 60% or more over 5 sessions or 100% over 15 sessions
     * puts the stock under warning for the next 10 sessions.
     */
    static List<StatusEvent> investmentWarnings(List<StockProfile> stocks, DailyBarTable bars, List<LocalDate> days) {
        List<StatusEvent> out = new ArrayList<>();
        for (StockProfile s : stocks) {
            int lastWarnedUntil = -1;
            for (int t = s.firstDay + 15; t < s.endDay - 1; t++) {
                if (t <= lastWarnedUntil) {
                    continue;
                }
                long c = bars.close(s.index, t);
                boolean fiveDay = c >= 1.6 * bars.close(s.index, t - 5);
                boolean fifteenDay = c >= 2.0 * bars.close(s.index, t - 15);
                if (fiveDay || fifteenDay) {
                    int to = Math.min(t + 10, s.endDay - 1);
                    out.add(new StatusEvent(Symbol.of(s.code), StatusKind.INVESTMENT_WARNING, days.get(t + 1),
                            days.get(to), fiveDay ? "5일간 60% 이상 상승 (60% rise in 5 sessions)"
                                    : "15일간 100% 이상 상승 (100% rise in 15 sessions)",
                            OffsetDateTime.of(days.get(t), LocalTime.of(18, 0), KST)));
                    lastWarnedUntil = to;
                }
            }
        }
        return out;
    }
}
