package com.aegis.marketsim.exchange;

/**
 * Why the exchange or the broker refused a command, with the Korean message a domestic broker shows for it.
 * The codes are this simulator's own and stable; adapters map them to their wire format.
 */
public enum RejectReason {
    UNKNOWN_SYMBOL("종목코드 오류", "the symbol is not listed on the simulated exchange today"),
    INVALID_QUANTITY("주문수량 오류", "the quantity must be a positive number of shares"),
    INVALID_PRICE("주문가격 오류", "a limit order needs a positive price; a market order must have price 0"),
    INVALID_TICK("호가단위 오류", "the price is not on the KRX tick grid for its price range"),
    OUTSIDE_PRICE_LIMIT("상하한가 범위 초과", "the price is outside today's upper/lower limit band"),
    MARKET_CLOSED("장운영시간이 아닙니다", "orders are accepted 08:30-15:30 KST on trading days"),
    TRADING_HALTED("매매거래정지 종목", "trading in this stock is halted"),
    INSUFFICIENT_CASH("주문가능금액 부족", "the account's free cash does not cover the order value and commission"),
    INSUFFICIENT_SHARES("매도가능수량 부족", "the account does not hold enough free shares to sell"),
    UNKNOWN_ACCOUNT("계좌번호 오류", "the account is not registered at the simulated broker"),
    UNKNOWN_ORDER("원주문번호 오류", "no open order with this number for this account"),
    ORDER_NOT_OPEN("정정/취소 가능수량 없음", "the order is already filled or cancelled"),
    MODIFY_QUANTITY_EXCEEDS_OPEN("정정수량 초과", "a modification may keep or reduce the open quantity, not raise it");

    private final String brokerMessage;
    private final String explanation;

    RejectReason(String brokerMessage, String explanation) {
        this.brokerMessage = brokerMessage;
        this.explanation = explanation;
    }

    /** The message a domestic broker's order screen shows, e.g. "호가단위 오류". */
    public String brokerMessage() {
        return brokerMessage;
    }

    /** What went wrong in English, to tell the user what to fix. */
    public String explanation() {
        return explanation;
    }
}
