package com.aegis.marketsim.kis.ws;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Records with every field set to a distinct, recognisable value. */
final class RealtimeSamples {

    private RealtimeSamples() {
    }

    static RealtimeTrade trade(String symbol, long price) {
        return new RealtimeTrade(symbol, LocalTime.of(9, 30, 15), price, PriceChangeSign.UP, 500,
                new BigDecimal("0.71"), new BigDecimal("70950.25"), 70500, 71200, 70400, 71100, 71000, 12, 345678,
                24555000000L, 1200, 1500, 300, new BigDecimal("125.00"), 150000, 195678, "1", new BigDecimal("56.60"),
                new BigDecimal("88.12"), LocalTime.of(9, 0, 1), PriceChangeSign.UP, price - 70500,
                LocalTime.of(9, 20, 0), PriceChangeSign.DOWN, price - 71200, LocalTime.of(9, 5, 30),
                PriceChangeSign.UP, price - 70400, LocalDate.of(2026, 11, 24), "20", false, 3300, 4400, 250000,
                310000, new BigDecimal("0.06"), 300000, new BigDecimal("115.22"), "0", "0", 70000);
    }

    static RealtimeBook book(String symbol) {
        List<Long> asks = List.of(71100L, 71200L, 71300L, 71400L, 71500L, 71600L, 71700L, 71800L, 71900L, 72000L);
        List<Long> bids = List.of(71000L, 70900L, 70800L, 70700L, 70600L, 70500L, 70400L, 70300L, 70200L, 70100L);
        List<Long> askQty = List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        List<Long> bidQty = List.of(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
        return new RealtimeBook(symbol, LocalTime.of(9, 30, 16), "0", asks, bids, askQty, bidQty, 155, 255, 0, 0,
                0, 0, 0, 0, PriceChangeSign.UNCHANGED, new BigDecimal("0.00"), 345678, -5, 7, 0, 0, "0");
    }

    static RealtimeFillNotice fill(String htsId, String symbol) {
        return new RealtimeFillNotice(htsId, "5012345601", "0000012345", 10, "02", "0", "00", "0", symbol, 7,
                71000, LocalTime.of(9, 31, 2), "0", "2", "2", "00950", "5012345601", "홍길동", 0, "1", "Y", "",
                "10", "", symbol, 71000);
    }
}
