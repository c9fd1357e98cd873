package com.aegis.activities.kis.ws;

import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One H0STCNT0 record (국내주식 실시간체결가), every field typed, in wire order: prices in KRW, volumes in shares,
 * times KST. {@code change} is signed (price minus previous close); the {@code open/high/lowChange} fields are the
 * price minus the day's open, high and low.
 */
public record KisTradeTick(
        Symbol symbol, LocalTime time, long price, PriceChangeSign changeSign, long change, BigDecimal changeRate,
        BigDecimal weightedAveragePrice, long open, long high, long low, long bestAsk, long bestBid,
        long tradeVolume, long cumulativeVolume, long cumulativeValue, long sellTradeCount, long buyTradeCount,
        long netBuyTradeCount, BigDecimal tradeStrength, long totalSellVolume, long totalBuyVolume,
        TradeInitiator initiator, BigDecimal buyRatio, BigDecimal volumeRateVersusPreviousDay,
        LocalTime openTime, PriceChangeSign openChangeSign, long openChange,
        LocalTime highTime, PriceChangeSign highChangeSign, long highChange,
        LocalTime lowTime, PriceChangeSign lowChangeSign, long lowChange,
        LocalDate businessDate, String marketOperationCode, boolean halted,
        long bestAskQuantity, long bestBidQuantity, long totalAskQuantity, long totalBidQuantity,
        BigDecimal volumeTurnover, long previousDaySameTimeVolume, BigDecimal previousDaySameTimeVolumeRate,
        String hourClassCode, String arbitraryCloseCode, long viStandardPrice) {

    static KisTradeTick read(KisFieldReader f) {
        return new KisTradeTick(f.symbol("MKSC_SHRN_ISCD"), f.time("STCK_CNTG_HOUR"), f.number("STCK_PRPR"),
                f.sign("PRDY_VRSS_SIGN"), f.number("PRDY_VRSS"), f.decimal("PRDY_CTRT"),
                f.decimal("WGHN_AVRG_STCK_PRC"), f.number("STCK_OPRC"), f.number("STCK_HGPR"),
                f.number("STCK_LWPR"), f.number("ASKP1"), f.number("BIDP1"), f.number("CNTG_VOL"),
                f.number("ACML_VOL"), f.number("ACML_TR_PBMN"), f.number("SELN_CNTG_CSNU"),
                f.number("SHNU_CNTG_CSNU"), f.number("NTBY_CNTG_CSNU"), f.decimal("CTTR"),
                f.number("SELN_CNTG_SMTN"), f.number("SHNU_CNTG_SMTN"), f.initiator("CCLD_DVSN"),
                f.decimal("SHNU_RATE"), f.decimal("PRDY_VOL_VRSS_ACML_VOL_RATE"),
                f.time("OPRC_HOUR"), f.sign("OPRC_VRSS_PRPR_SIGN"), f.number("OPRC_VRSS_PRPR"),
                f.time("HGPR_HOUR"), f.sign("HGPR_VRSS_PRPR_SIGN"), f.number("HGPR_VRSS_PRPR"),
                f.time("LWPR_HOUR"), f.sign("LWPR_VRSS_PRPR_SIGN"), f.number("LWPR_VRSS_PRPR"),
                f.date("BSOP_DATE"), f.text("NEW_MKOP_CLS_CODE"), f.yesNo("TRHT_YN"),
                f.number("ASKP_RSQN1"), f.number("BIDP_RSQN1"), f.number("TOTAL_ASKP_RSQN"),
                f.number("TOTAL_BIDP_RSQN"), f.decimal("VOL_TNRT"), f.number("PRDY_SMNS_HOUR_ACML_VOL"),
                f.decimal("PRDY_SMNS_HOUR_ACML_VOL_RATE"), f.text("HOUR_CLS_CODE"), f.text("MRKT_TRTM_CLS_CODE"),
                f.number("VI_STND_PRC"));
    }
}
