package com.aegis.marketsim.kis.ws;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One order notice as H0STCNI0/H0STCNI9 (국내주식 실시간체결통보) carries it, in the catalog's field order.
 * {@code customerId} is the HTS id the notice is routed by (the subscription's tr_key). {@code fillFlag} is CNTG_YN:
 * "2" a fill, "1" an order receipt (접수/정정/취소/거부). {@code sideCode} is "01" sell, "02" buy.
 */
public record RealtimeFillNotice(
        String customerId, String accountNumber, String orderNumber, long orderQuantity, String sideCode,
        String modifyClassCode, String orderKindCode, String orderConditionCode, String symbol, long filledQuantity,
        long filledPrice, LocalTime time, String refusedFlag, String fillFlag, String acceptanceCode,
        String branchNumber, String accountNumber2, String accountName, long orderConditionPrice,
        String exchangeCode, String popupFlag, String filler, String creditClassCode, String creditLoanDate,
        String instrumentName40, long orderPrice) {

    public RealtimeFillNotice {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(time, "time");
    }

    void appendFields(StringBuilder out) {
        new WireFields(out)
                .text(customerId).text(accountNumber).text(orderNumber).number(orderQuantity).text(sideCode)
                .text(modifyClassCode).text(orderKindCode).text(orderConditionCode).text(symbol)
                .number(filledQuantity).number(filledPrice).time(time).text(refusedFlag).text(fillFlag)
                .text(acceptanceCode).text(branchNumber).text(accountNumber2).text(accountName)
                .number(orderConditionPrice).text(exchangeCode).text(popupFlag).text(filler).text(creditClassCode)
                .text(creditLoanDate).text(instrumentName40).number(orderPrice);
    }

    /** Account numbers and the holder's name stay out of logs. */
    @Override
    public String toString() {
        return "RealtimeFillNotice[order=" + orderNumber + ", symbol=" + symbol + ", fill=" + fillFlag
                + ", qty=" + filledQuantity + " @ " + filledPrice + ", time=" + time + "]";
    }
}
