package com.aegis.activities.sources;

/** OpenDART {@code reprt_code}: which periodic report of a business year. */
public enum DartReportCode {
    Q1("11013"), HALF_YEAR("11012"), Q3("11014"), ANNUAL("11011");

    private final String code;

    DartReportCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
