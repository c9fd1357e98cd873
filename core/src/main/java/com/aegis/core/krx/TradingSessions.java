package com.aegis.core.krx;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * KRX equity session times (requirement K3), in KST.
 *
 * <p>A normal day: opening auction order entry 08:30–09:00, continuous 09:00–15:20, closing auction 15:20–15:30,
 * after-hours closing-price session 15:40–16:00, after-hours single-price session 16:00–18:00 matched every 10 min.
 *
 * <p>Published special schedules (KRX notices, reported e.g. by Yonhap/Hankyung each year):
 * <ul>
 *   <li>First trading day of the year (opening ceremony): everything before the open is one hour late, the market
 *       opens at 10:00; the close (15:30) and the after-hours sessions are unchanged.</li>
 *   <li>CSAT day (대학수학능력시험): the regular session and the pre-open are one hour late (10:00–16:30); the
 *       after-hours sessions start one hour late (closing-price 16:40–17:00, single-price 17:00) but still end at
 *       18:00. On 2017-11-16 KRX kept the announced late schedule although the exam was postponed to 11-23 after the
 *       Pohang earthquake, and applied it again on 11-23.</li>
 * </ul>
 */
public final class TradingSessions {

    public static final LocalTime OPENING_AUCTION_START = LocalTime.of(8, 30);
    public static final LocalTime MARKET_OPEN = LocalTime.of(9, 0);
    public static final LocalTime CLOSING_AUCTION_START = LocalTime.of(15, 20);
    public static final LocalTime MARKET_CLOSE = LocalTime.of(15, 30);
    public static final LocalTime AFTER_HOURS_CLOSING_PRICE_START = LocalTime.of(15, 40);
    public static final LocalTime AFTER_HOURS_SINGLE_PRICE_START = LocalTime.of(16, 0);
    public static final LocalTime AFTER_HOURS_END = LocalTime.of(18, 0);
    /** How long the single-price auction triggered by a volatility interruption lasts. */
    public static final Duration VI_AUCTION_DURATION = Duration.ofMinutes(2);

    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private TradingSessions() {
    }

    /** The phase at a KST time on a normal trading day. */
    public static SessionPhase phaseAt(LocalTime kst) {
        return regular(LocalDate.of(2024, 1, 3)).phaseAt(kst);
    }

    /** A normal trading day's schedule. */
    public static TradingDaySchedule regular(LocalDate date) {
        return new TradingDaySchedule(date, true, "Regular session", OPENING_AUCTION_START, MARKET_OPEN,
                CLOSING_AUCTION_START, MARKET_CLOSE, AFTER_HOURS_CLOSING_PRICE_START, AFTER_HOURS_SINGLE_PRICE_START,
                AFTER_HOURS_END);
    }

    /** First trading day of the year: opens at 10:00 after the opening ceremony, closes as usual. */
    public static TradingDaySchedule firstTradingDayOfYear(LocalDate date) {
        return new TradingDaySchedule(date, true, "First trading day of the year: opens 10:00 after the ceremony",
                OPENING_AUCTION_START.plus(ONE_HOUR), MARKET_OPEN.plus(ONE_HOUR), CLOSING_AUCTION_START,
                MARKET_CLOSE, AFTER_HOURS_CLOSING_PRICE_START, AFTER_HOURS_SINGLE_PRICE_START, AFTER_HOURS_END);
    }

    /** CSAT day: regular session 10:00–16:30, after-hours start one hour late and end at 18:00. */
    public static TradingDaySchedule csatDay(LocalDate date) {
        return new TradingDaySchedule(date, true, "CSAT day: sessions one hour late (10:00-16:30)",
                OPENING_AUCTION_START.plus(ONE_HOUR), MARKET_OPEN.plus(ONE_HOUR),
                CLOSING_AUCTION_START.plus(ONE_HOUR), MARKET_CLOSE.plus(ONE_HOUR),
                AFTER_HOURS_CLOSING_PRICE_START.plus(ONE_HOUR), AFTER_HOURS_SINGLE_PRICE_START.plus(ONE_HOUR),
                AFTER_HOURS_END);
    }

    /** A closure day: every time of the day is {@link SessionPhase#CLOSED}. */
    public static TradingDaySchedule closed(LocalDate date, String reason) {
        return new TradingDaySchedule(date, false, reason, OPENING_AUCTION_START, MARKET_OPEN,
                CLOSING_AUCTION_START, MARKET_CLOSE, AFTER_HOURS_CLOSING_PRICE_START, AFTER_HOURS_SINGLE_PRICE_START,
                AFTER_HOURS_END);
    }
}
