package com.aegis.activities.collection;

import com.aegis.activities.sources.DartReportCode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DART filing is, read from its report name ({@code report_nm}): the {@code disclosure.disclosure_type} code
 * and, for the periodic reports (분기/반기/사업보고서), the fiscal period they cover. A name starting with a correction
 * tag such as {@code [기재정정]} is a restatement of an earlier filing. Fiscal years are assumed to end in December
 * (as for almost every KRX company): the period in parentheses, e.g. {@code 반기보고서 (2026.06)}, gives the year.
 */
final class DisclosureKind {

    static final String OTHER = "OTHER";
    /** The fiscal years {@code fundamental_statement} accepts. */
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;

    private static final Pattern PERIOD = Pattern.compile("\\((\\d{4})\\.(\\d{2})\\)");
    private static final List<String[]> TYPES = List.of(
            new String[] {"사업보고서", "ANNUAL_REPORT"},
            new String[] {"반기보고서", "HALF_YEAR_REPORT"},
            new String[] {"분기보고서", "QUARTERLY_REPORT"},
            new String[] {"유상증자", "RIGHTS_ISSUE"},
            new String[] {"전환사채", "CONVERTIBLE_BOND_ISSUE"},
            new String[] {"자기주식취득", "TREASURY_STOCK_ACQUISITION"},
            new String[] {"공급계약", "SUPPLY_CONTRACT"},
            new String[] {"최대주주변경", "LARGEST_SHAREHOLDER_CHANGE"},
            new String[] {"소송", "LAWSUIT"},
            new String[] {"배당", "CASH_DIVIDEND"});

    /** The fiscal period a periodic report covers. */
    record Period(DartReportCode report, int fiscalYear, int fiscalQuarter, LocalDate periodEnd, boolean correction) {
    }

    private DisclosureKind() {
    }

    /** The {@code disclosure_type} of a report name; {@value #OTHER} when none of the known kinds matches. */
    static String typeOf(String reportName) {
        String name = reportName.replace(" ", "");
        for (String[] t : TYPES) {
            if (name.contains(t[0])) {
                return t[1];
            }
        }
        return OTHER;
    }

    /** True when the report name announces a correction of an earlier filing ([기재정정], [첨부정정], ...). */
    static boolean isCorrection(String reportName) {
        return reportName.trim().matches("^\\[[^]]*정정].*");
    }

    /**
     * The period of a periodic report; empty for other filings.
     *
     * @throws IllegalArgumentException when a periodic report's name carries no readable period
     */
    static Optional<Period> periodOf(String reportName) {
        String type = typeOf(reportName);
        DartReportCode code;
        switch (type) {
            case "ANNUAL_REPORT" -> code = DartReportCode.ANNUAL;
            case "HALF_YEAR_REPORT" -> code = DartReportCode.HALF_YEAR;
            case "QUARTERLY_REPORT" -> code = null;
            default -> {
                return Optional.empty();
            }
        }
        Matcher m = PERIOD.matcher(reportName);
        if (!m.find()) {
            throw new IllegalArgumentException("periodic report '" + reportName + "' names no period (yyyy.MM)");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("periodic report '" + reportName + "' names year " + year
                    + ", outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("periodic report '" + reportName + "' names month " + month);
        }
        if (code == null) {
            code = switch (month) {
                case 3 -> DartReportCode.Q1;
                case 9 -> DartReportCode.Q3;
                default -> throw new IllegalArgumentException("quarterly report '" + reportName
                        + "' ends in month " + month + ", not March or September of a December fiscal year");
            };
        }
        int quarter = switch (code) {
            case Q1 -> 1;
            case HALF_YEAR -> 2;
            case Q3 -> 3;
            case ANNUAL -> 4;
        };
        if (month != quarter * 3) {
            throw new IllegalArgumentException("report '" + reportName + "' covers a period ending in month " + month
                    + ", not the end of quarter " + quarter + " of a December fiscal year");
        }
        return Optional.of(new Period(code, year, quarter, YearMonth.of(year, month).atEndOfMonth(),
                isCorrection(reportName)));
    }
}
