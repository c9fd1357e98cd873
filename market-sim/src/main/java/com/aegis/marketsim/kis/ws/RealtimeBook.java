package com.aegis.marketsim.kis.ws;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * One order-book picture as H0STASP0 (국내주식 실시간호가) carries it: ten ask and ten bid levels (best first, price 0
 * and quantity 0 for an empty level), totals, and the auction's indicative price ({@code expected*}, 예상체결).
 */
public record RealtimeBook(
        String symbol, LocalTime time, String hourClassCode,
        List<Long> askPrices, List<Long> bidPrices, List<Long> askQuantities, List<Long> bidQuantities,
        long totalAskQuantity, long totalBidQuantity, long afterHoursTotalAskQuantity,
        long afterHoursTotalBidQuantity, long expectedPrice, long expectedQuantity, long expectedVolume,
        long expectedChange, PriceChangeSign expectedChangeSign, BigDecimal expectedChangeRate,
        long cumulativeVolume, long totalAskQuantityChange, long totalBidQuantityChange,
        long afterHoursTotalAskChange, long afterHoursTotalBidChange, String dealClassCode) {

    public static final int LEVELS = 10;

    public RealtimeBook {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        askPrices = tenLevels(askPrices, "askPrices");
        bidPrices = tenLevels(bidPrices, "bidPrices");
        askQuantities = tenLevels(askQuantities, "askQuantities");
        bidQuantities = tenLevels(bidQuantities, "bidQuantities");
    }

    private static List<Long> tenLevels(List<Long> levels, String name) {
        if (levels.size() != LEVELS) {
            throw new IllegalArgumentException(name + " must have exactly 10 levels (pad with 0), got " + levels.size());
        }
        return List.copyOf(levels);
    }

    void appendFields(StringBuilder out) {
        WireFields f = new WireFields(out).text(symbol).time(time).text(hourClassCode);
        askPrices.forEach(f::number);
        bidPrices.forEach(f::number);
        askQuantities.forEach(f::number);
        bidQuantities.forEach(f::number);
        f.number(totalAskQuantity).number(totalBidQuantity).number(afterHoursTotalAskQuantity)
                .number(afterHoursTotalBidQuantity).number(expectedPrice).number(expectedQuantity)
                .number(expectedVolume).number(expectedChange).sign(expectedChangeSign).decimal(expectedChangeRate)
                .number(cumulativeVolume).number(totalAskQuantityChange).number(totalBidQuantityChange)
                .number(afterHoursTotalAskChange).number(afterHoursTotalBidChange).text(dealClassCode);
    }
}
