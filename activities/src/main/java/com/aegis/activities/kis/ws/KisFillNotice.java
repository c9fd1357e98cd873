package com.aegis.activities.kis.ws;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.LocalTime;

/**
 * One H0STCNI0/H0STCNI9 record (국내주식 실시간체결통보), decrypted, in the catalog's field order. {@code kind} tells an
 * execution ({@code CNTG_YN = 2}) from an order receipt, modification, cancellation or refusal ({@code CNTG_YN = 1}).
 * The account number and holder's name never appear in {@link #toString()}.
 */
public record KisFillNotice(
        String customerId, String accountNumber, String orderNumber, long orderQuantity, Side side,
        String modifyClassCode, String orderKindCode, String orderConditionCode, Symbol symbol, long filledQuantity,
        long filledPrice, LocalTime time, boolean refused, Kind kind, String acceptanceCode, String branchNumber,
        String accountNumber2, String accountName, long orderConditionPrice, String exchangeCode, String popupFlag,
        String filler, String creditClassCode, String creditLoanDate, String instrumentName40, long orderPrice) {

    /** What the notice reports. */
    public enum Kind {
        /** An order was received, modified, cancelled or refused (CNTG_YN 1). */
        ORDER_RECEIPT,
        /** Shares traded (CNTG_YN 2): {@code filledQuantity} at {@code filledPrice}. */
        FILL
    }

    static KisFillNotice read(KisFieldReader f) {
        return new KisFillNotice(f.text("CUST_ID"), f.text("ACNT_NO"), f.text("ODER_NO"),
                f.numberOrZero("ODER_QTY"), side(f.text("SELN_BYOV_CLS")), f.text("RCTF_CLS"), f.text("ODER_KIND"),
                f.text("ODER_COND"), f.symbol("STCK_SHRN_ISCD"), f.numberOrZero("CNTG_QTY"),
                f.numberOrZero("CNTG_UNPR"), f.time("STCK_CNTG_HOUR"), refused(f.text("RFUS_YN")),
                kind(f.text("CNTG_YN")), f.text("ACPT_YN"), f.text("BRNC_NO"), f.text("ACNT_NO2"),
                f.text("ACNT_NAME"), f.numberOrZero("ORD_COND_PRC"), f.text("ORD_EXG_GB"), f.text("POPUP_YN"),
                f.text("FILLER"), f.text("CRDT_CLS"), f.text("CRDT_LOAN_DATE"), f.text("CNTG_ISNM40"),
                f.numberOrZero("ODER_PRC"));
    }

    private static Side side(String code) {
        return switch (code) {
            case "01", "1" -> Side.SELL;
            case "02", "2" -> Side.BUY;
            default -> throw new IllegalArgumentException("SELN_BYOV_CLS is 01 (sell) or 02 (buy), got '" + code
                    + "'");
        };
    }

    private static boolean refused(String code) {
        return switch (code) {
            case "0", "N", "" -> false;
            case "1", "Y" -> true;
            default -> throw new IllegalArgumentException("RFUS_YN is 0 or 1, got '" + code + "'");
        };
    }

    private static Kind kind(String code) {
        return switch (code) {
            case "1" -> Kind.ORDER_RECEIPT;
            case "2" -> Kind.FILL;
            default -> throw new IllegalArgumentException("CNTG_YN is 1 (receipt) or 2 (fill), got '" + code + "'");
        };
    }

    @Override
    public String toString() {
        return "KisFillNotice[" + kind + " order=" + orderNumber + " " + side + " " + symbol + " filled="
                + filledQuantity + "@" + filledPrice + " of " + orderQuantity + " at " + time
                + (refused ? " REFUSED" : "") + ", account=***]";
    }
}
