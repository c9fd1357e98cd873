package com.aegis.marketsim.kis.ws;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One trade as H0STCNT0 (국내주식 실시간체결가) carries it, field for field in the wire order. Prices and volumes are KRW
 * and shares; times are KST; {@code tradeSideCode} is CCLD_DVSN ("1" buyer-initiated, "5" seller-initiated, "3"
 * auction).
 */
public record RealtimeTrade(
        String symbol, LocalTime time, long price, PriceChangeSign changeSign, long change, BigDecimal changeRate,
        BigDecimal weightedAveragePrice, long open, long high, long low, long bestAsk, long bestBid,
        long tradeVolume, long cumulativeVolume, long cumulativeValue, long sellTradeCount, long buyTradeCount,
        long netBuyTradeCount, BigDecimal tradeStrength, long totalSellVolume, long totalBuyVolume,
        String tradeSideCode, BigDecimal buyRatio, BigDecimal volumeRateVersusPreviousDay,
        LocalTime openTime, PriceChangeSign openChangeSign, long openChange,
        LocalTime highTime, PriceChangeSign highChangeSign, long highChange,
        LocalTime lowTime, PriceChangeSign lowChangeSign, long lowChange,
        LocalDate businessDate, String marketOperationCode, boolean halted,
        long bestAskQuantity, long bestBidQuantity, long totalAskQuantity, long totalBidQuantity,
        BigDecimal volumeTurnover, long previousDaySameTimeVolume, BigDecimal previousDaySameTimeVolumeRate,
        String hourClassCode, String arbitraryCloseCode, long viStandardPrice) {

    public RealtimeTrade {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(businessDate, "businessDate");
    }

    void appendFields(StringBuilder out) {
        new WireFields(out)
                .text(symbol).time(time).number(price).sign(changeSign).number(change).decimal(changeRate)
                .decimal(weightedAveragePrice).number(open).number(high).number(low).number(bestAsk).number(bestBid)
                .number(tradeVolume).number(cumulativeVolume).number(cumulativeValue).number(sellTradeCount)
                .number(buyTradeCount).number(netBuyTradeCount).decimal(tradeStrength).number(totalSellVolume)
                .number(totalBuyVolume).text(tradeSideCode).decimal(buyRatio).decimal(volumeRateVersusPreviousDay)
                .time(openTime).sign(openChangeSign).number(openChange)
                .time(highTime).sign(highChangeSign).number(highChange)
                .time(lowTime).sign(lowChangeSign).number(lowChange)
                .date(businessDate).text(marketOperationCode).flag(halted)
                .number(bestAskQuantity).number(bestBidQuantity).number(totalAskQuantity).number(totalBidQuantity)
                .decimal(volumeTurnover).number(previousDaySameTimeVolume).decimal(previousDaySameTimeVolumeRate)
                .text(hourClassCode).text(arbitraryCloseCode).number(viStandardPrice);
    }
}
