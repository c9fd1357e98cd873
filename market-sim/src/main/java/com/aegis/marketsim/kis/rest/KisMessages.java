package com.aegis.marketsim.kis.rest;

/** KIS message codes (msg_cd / error_code) and texts (msg1 / error_description) the simulator answers with. */
public final class KisMessages {

    public static final String ORDER_SENT = "APBK0013";
    public static final String ORDER_SENT_TEXT = "주문 전송 완료 되었습니다.";
    public static final String INQUIRY_OK = "MCA00000";
    public static final String INQUIRY_OK_TEXT = "정상처리 되었습니다.";

    public static final String INSUFFICIENT_CASH = "APBK0952";
    public static final String INSUFFICIENT_CASH_TEXT = "주문가능금액을 초과 했습니다";
    public static final String INSUFFICIENT_SHARES = "APBK0400";
    public static final String INSUFFICIENT_SHARES_TEXT = "주문 가능한 수량을 초과하였습니다.";
    public static final String INVALID_PRICE = "APBK0506";
    public static final String INVALID_PRICE_TEXT = "주문단가가 호가단위에 맞지 않거나 가격제한폭을 벗어났습니다.";
    public static final String INVALID_QUANTITY = "APBK0507";
    public static final String INVALID_QUANTITY_TEXT = "주문수량을 확인하여 주십시오.";
    public static final String UNKNOWN_SYMBOL = "APBK0656";
    public static final String UNKNOWN_SYMBOL_TEXT = "해당종목정보가 없습니다.";
    public static final String ORDER_NOT_OPEN = "APBK1359";
    public static final String ORDER_NOT_OPEN_TEXT = "정정취소 가능한 주문이 없거나 정정취소수량이 주문수량보다 많습니다";
    public static final String MARKET_CLOSED = "APBK0918";
    public static final String MARKET_CLOSED_TEXT = "장운영시간이 아닙니다.";
    public static final String TRADING_HALTED = "APBK0628";
    public static final String TRADING_HALTED_TEXT = "매매거래정지 종목입니다.";
    public static final String INVALID_INPUT = "OPSQ0002";
    public static final String INVALID_INPUT_TEXT = "필수항목 입력값이 누락되었거나 형식이 올바르지 않습니다.";
    public static final String UNKNOWN_TR = "OPSQ0001";
    public static final String UNKNOWN_TR_TEXT = "없는 서비스 코드 입니다";
    public static final String UNKNOWN_ACCOUNT = "OPSQ2000";
    public static final String UNKNOWN_ACCOUNT_TEXT = "ERROR : INPUT INVALID_CHECK_ACNO";

    public static final String INVALID_TOKEN = "EGW00121";
    public static final String INVALID_TOKEN_TEXT = "유효하지 않은 token 입니다.";
    public static final String EXPIRED_TOKEN = "EGW00123";
    public static final String EXPIRED_TOKEN_TEXT = "기간이 만료된 token 입니다.";
    public static final String INVALID_APP_KEY = "EGW00103";
    public static final String INVALID_APP_KEY_TEXT = "유효하지 않은 AppKey입니다.";
    public static final String INVALID_APP_SECRET = "EGW00105";
    public static final String INVALID_APP_SECRET_TEXT = "유효하지 않은 AppSecret입니다.";
    public static final String TOKEN_ISSUE_THROTTLED = "EGW00133";
    public static final String TOKEN_ISSUE_THROTTLED_TEXT = "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)";
    public static final String RATE_EXCEEDED = "EGW00201";
    public static final String RATE_EXCEEDED_TEXT = "초당 거래건수를 초과하였습니다.";
    public static final String INVALID_GRANT = "EGW00002";
    public static final String INVALID_GRANT_TEXT = "grant_type 은 client_credentials 이어야 합니다.";

    private KisMessages() {
    }
}
