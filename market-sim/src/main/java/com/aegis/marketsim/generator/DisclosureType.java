package com.aegis.marketsim.generator;

/**
 * DART-like disclosure kinds the generator files, with the Korean report name and the sign of the news they carry
 * ({@code tone}, used by the planted disclosure drift).
 */
public enum DisclosureType {
    QUARTERLY_REPORT("A", "분기보고서", 0.0),
    HALF_YEAR_REPORT("A", "반기보고서", 0.0),
    ANNUAL_REPORT("A", "사업보고서", 0.0),
    RIGHTS_ISSUE("B", "주요사항보고서(유상증자결정)", -0.8),
    CONVERTIBLE_BOND_ISSUE("B", "주요사항보고서(전환사채권발행결정)", -0.5),
    TREASURY_STOCK_ACQUISITION("B", "주요사항보고서(자기주식취득결정)", 0.6),
    SUPPLY_CONTRACT("I", "단일판매ㆍ공급계약체결", 0.7),
    LARGEST_SHAREHOLDER_CHANGE("I", "최대주주변경", -0.3),
    LAWSUIT("I", "소송등의제기ㆍ신청", -0.6),
    CASH_DIVIDEND("I", "현금ㆍ현물배당결정", 0.2);

    private final String publicationType;
    private final String reportName;
    private final double baseTone;

    DisclosureType(String publicationType, String reportName, double baseTone) {
        this.publicationType = publicationType;
        this.reportName = reportName;
        this.baseTone = baseTone;
    }

    /** DART pblntf_ty: A periodic report, B major event report, I exchange disclosure. */
    public String publicationType() {
        return publicationType;
    }

    /** Report name as DART lists it (report_nm). */
    public String reportName() {
        return reportName;
    }

    /** Typical direction of the news, -1..1; periodic reports take their tone from the earnings surprise. */
    public double baseTone() {
        return baseTone;
    }

    public boolean isPeriodicReport() {
        return publicationType.equals("A");
    }
}
