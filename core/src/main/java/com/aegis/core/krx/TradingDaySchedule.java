package com.aegis.core.krx;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The session times of one KRX day, in KST. Each phase is the half-open interval [start, next start).
 *
 * @param date                        the KST date
 * @param tradingDay                  false on a closure day; then every phase is {@link SessionPhase#CLOSED}
 * @param description                 why the day has these times ("Regular session", "CSAT day: ...", closure name)
 * @param openingAuctionStart         start of the opening auction order entry
 * @param marketOpen                  open: opening auction match and start of continuous trading
 * @param closingAuctionStart         start of the closing auction
 * @param marketClose                 close: closing auction match
 * @param afterHoursClosingPriceStart start of after-hours trading at the closing price
 * @param afterHoursSinglePriceStart  start of after-hours single-price trading (end of the closing-price session)
 * @param afterHoursEnd               end of after-hours single-price trading
 */
public record TradingDaySchedule(
        LocalDate date,
        boolean tradingDay,
        String description,
        LocalTime openingAuctionStart,
        LocalTime marketOpen,
        LocalTime closingAuctionStart,
        LocalTime marketClose,
        LocalTime afterHoursClosingPriceStart,
        LocalTime afterHoursSinglePriceStart,
        LocalTime afterHoursEnd) {

    /** After-hours single-price orders are matched every 10 minutes. */
    public static final Duration AFTER_HOURS_SINGLE_PRICE_MATCH_INTERVAL = Duration.ofMinutes(10);

    public TradingDaySchedule {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        List<LocalTime> times = List.of(openingAuctionStart, marketOpen, closingAuctionStart, marketClose,
                afterHoursClosingPriceStart, afterHoursSinglePriceStart, afterHoursEnd);
        for (int i = 1; i < times.size(); i++) {
            if (!times.get(i - 1).isBefore(times.get(i))) {
                throw new IllegalArgumentException("session times of " + date + " must strictly increase: " + times);
            }
        }
    }

    /** The phase at a KST wall-clock time of this day. */
    public SessionPhase phaseAt(LocalTime kst) {
        Objects.requireNonNull(kst, "kst");
        if (!tradingDay || kst.isBefore(openingAuctionStart) || !kst.isBefore(afterHoursEnd)) {
            return SessionPhase.CLOSED;
        }
        if (kst.isBefore(marketOpen)) {
            return SessionPhase.PRE_OPEN_AUCTION;
        }
        if (kst.isBefore(closingAuctionStart)) {
            return SessionPhase.CONTINUOUS;
        }
        if (kst.isBefore(marketClose)) {
            return SessionPhase.CLOSING_AUCTION;
        }
        if (kst.isBefore(afterHoursClosingPriceStart)) {
            return SessionPhase.POST_CLOSE;
        }
        if (kst.isBefore(afterHoursSinglePriceStart)) {
            return SessionPhase.AFTER_HOURS_CLOSING_PRICE;
        }
        return SessionPhase.AFTER_HOURS_SINGLE_PRICE;
    }

    /** The after-hours single-price match times (every 10 minutes, the last one at the session end); empty if closed. */
    public List<LocalTime> afterHoursSinglePriceMatchTimes() {
        List<LocalTime> times = new ArrayList<>();
        if (!tradingDay) {
            return times;
        }
        for (LocalTime t = afterHoursSinglePriceStart.plus(AFTER_HOURS_SINGLE_PRICE_MATCH_INTERVAL);
                !t.isAfter(afterHoursEnd); t = t.plus(AFTER_HOURS_SINGLE_PRICE_MATCH_INTERVAL)) {
            times.add(t);
        }
        return List.copyOf(times);
    }
}
