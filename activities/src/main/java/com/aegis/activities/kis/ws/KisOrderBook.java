package com.aegis.activities.kis.ws;

import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One H0STASP0 record (국내주식 실시간호가): ten ask and ten bid levels, best first, totals, and the auction's
 * indicative price and quantity ({@code expected*}, 예상체결; 0 outside auctions).
 */
public record KisOrderBook(
        Symbol symbol, LocalTime time, String hourClassCode, List<QuoteLevel> asks, List<QuoteLevel> bids,
        long totalAskQuantity, long totalBidQuantity, long afterHoursTotalAskQuantity,
        long afterHoursTotalBidQuantity, long expectedPrice, long expectedQuantity, long expectedVolume,
        long expectedChange, PriceChangeSign expectedChangeSign, BigDecimal expectedChangeRate,
        long cumulativeVolume, long totalAskQuantityChange, long totalBidQuantityChange,
        long afterHoursTotalAskChange, long afterHoursTotalBidChange, String dealClassCode) {

    public static final int LEVELS = 10;

    public KisOrderBook {
        asks = List.copyOf(asks);
        bids = List.copyOf(bids);
    }

    public QuoteLevel bestAsk() {
        return asks.get(0);
    }

    public QuoteLevel bestBid() {
        return bids.get(0);
    }

    static KisOrderBook read(KisFieldReader f) {
        Symbol symbol = f.symbol("MKSC_SHRN_ISCD");
        LocalTime time = f.time("BSOP_HOUR");
        String hourClass = f.text("HOUR_CLS_CODE");
        long[] askPrices = new long[LEVELS];
        long[] bidPrices = new long[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            askPrices[i] = f.number("ASKP" + (i + 1));
        }
        for (int i = 0; i < LEVELS; i++) {
            bidPrices[i] = f.number("BIDP" + (i + 1));
        }
        List<QuoteLevel> asks = new ArrayList<>(LEVELS);
        List<QuoteLevel> bids = new ArrayList<>(LEVELS);
        for (int i = 0; i < LEVELS; i++) {
            asks.add(new QuoteLevel(askPrices[i], f.number("ASKP_RSQN" + (i + 1))));
        }
        for (int i = 0; i < LEVELS; i++) {
            bids.add(new QuoteLevel(bidPrices[i], f.number("BIDP_RSQN" + (i + 1))));
        }
        return new KisOrderBook(symbol, time, hourClass, asks, bids, f.number("TOTAL_ASKP_RSQN"),
                f.number("TOTAL_BIDP_RSQN"), f.number("OVTM_TOTAL_ASKP_RSQN"), f.number("OVTM_TOTAL_BIDP_RSQN"),
                f.number("ANTC_CNPR"), f.number("ANTC_CNQN"), f.number("ANTC_VOL"), f.number("ANTC_CNTG_VRSS"),
                f.sign("ANTC_CNTG_VRSS_SIGN"), f.decimal("ANTC_CNTG_PRDY_CTRT"), f.number("ACML_VOL"),
                f.number("TOTAL_ASKP_RSQN_ICDC"), f.number("TOTAL_BIDP_RSQN_ICDC"),
                f.number("OVTM_TOTAL_ASKP_ICDC"), f.number("OVTM_TOTAL_BIDP_ICDC"), f.text("STCK_DEAL_CLS_CODE"));
    }
}
