package com.aegis.activities.collection;

import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.sources.FinancialStatementLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns the accounts of one DART periodic report into one {@code fundamental_statement} row. Balance items (equity,
 * liabilities) are taken as reported. Flow items (revenue, operating and net income, operating cash flow) are made
 * single-quarter: DART reports them year to date (the half-year, Q3 and annual reports are cumulative, cash flows
 * always), so quarter n = year-to-date of report n − the stored single-quarter flows of quarters 1..n−1; Q4 is the
 * annual figure minus the nine months. When an earlier quarter is not stored the quarter's flows stay null and a
 * warning says which quarter is missing: a figure is never invented. Amounts are whole KRW as the OpenDART client
 * delivers them.
 */
final class StatementCleaner {

    /** Single-quarter flows of a stored quarter; null where unknown. */
    record Flows(Long revenue, Long operatingIncome, Long netIncome, Long operatingCashFlow) {
    }

    /** The cleaned figures; null where unknown. */
    record Figures(Long revenue, Long operatingIncome, Long netIncome, Long equity, Long liabilities,
                   Long operatingCashFlow) {
        Flows flows() {
            return new Flows(revenue, operatingIncome, netIncome, operatingCashFlow);
        }
    }

    /** A value the cleaner left out or marked. */
    record Issue(QualityRule rule, String field, String value, String reason, QualityAction action) {
    }

    record Result(Figures figures, List<String> warnings, List<Issue> issues) {
        Result {
            warnings = List.copyOf(warnings);
            issues = List.copyOf(issues);
        }
    }

    private enum Account {
        REVENUE(true, Set.of("ifrs-full_Revenue", "ifrs_Revenue"), Set.of("매출액", "수익(매출액)", "영업수익", "매출")),
        OPERATING_INCOME(true, Set.of("dart_OperatingIncomeLoss", "ifrs-full_ProfitLossFromOperatingActivities"),
                Set.of("영업이익", "영업이익(손실)")),
        NET_INCOME(true, Set.of("ifrs-full_ProfitLoss", "ifrs_ProfitLoss"),
                Set.of("당기순이익", "당기순이익(손실)", "분기순이익", "분기순이익(손실)", "반기순이익", "반기순이익(손실)")),
        OPERATING_CASH_FLOW(true, Set.of("ifrs-full_CashFlowsFromUsedInOperatingActivities",
                "ifrs_CashFlowsFromUsedInOperatingActivities"), Set.of("영업활동현금흐름", "영업활동으로인한현금흐름")),
        EQUITY(false, Set.of("ifrs-full_Equity", "ifrs_Equity"), Set.of("자본총계")),
        LIABILITIES(false, Set.of("ifrs-full_Liabilities", "ifrs_Liabilities"), Set.of("부채총계")),
        ASSETS(false, Set.of("ifrs-full_Assets", "ifrs_Assets"), Set.of("자산총계"));

        final boolean flow;
        final Set<String> ids;
        final Set<String> names;

        Account(boolean flow, Set<String> ids, Set<String> names) {
            this.flow = flow;
            this.ids = ids;
            this.names = names;
        }
    }

    private final double balanceTolerance;

    StatementCleaner(double balanceTolerance) {
        this.balanceTolerance = balanceTolerance;
    }

    /**
     * @param fiscalQuarter 1..4, the quarter the report ends
     * @param earlier       stored single-quarter flows of the same fiscal year by quarter (only 1..fiscalQuarter−1
     *                      are read)
     * @param label         names the filing in warnings, e.g. {@code 005930 2026 Q2 (rcept 20260814000123)}
     */
    Result clean(int fiscalQuarter, List<FinancialStatementLine> lines, Map<Integer, Flows> earlier, String label) {
        if (fiscalQuarter < 1 || fiscalQuarter > 4) {
            throw new IllegalArgumentException("fiscal quarter must be 1..4, got " + fiscalQuarter);
        }
        Objects.requireNonNull(earlier, "earlier");
        List<String> warnings = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();

        List<Integer> missing = new ArrayList<>();
        for (int q = 1; q < fiscalQuarter; q++) {
            if (!earlier.containsKey(q)) {
                missing.add(q);
            }
        }
        if (!missing.isEmpty()) {
            warnings.add(label + ": quarter(s) " + missing + " of the fiscal year are not stored, so the year-to-date"
                    + " flows cannot be split into the quarter; its revenue, incomes and operating cash flow are left"
                    + " empty");
        }

        Long[] flows = new Long[4];
        Account[] flowAccounts = {Account.REVENUE, Account.OPERATING_INCOME, Account.NET_INCOME,
                Account.OPERATING_CASH_FLOW};
        for (int i = 0; i < flowAccounts.length; i++) {
            Account a = flowAccounts[i];
            OptionalLong ytd = yearToDate(lines, a);
            if (ytd.isEmpty()) {
                warnings.add(label + ": the report has no " + field(a) + "; left empty");
                continue;
            }
            if (!missing.isEmpty()) {
                continue;
            }
            long value = ytd.getAsLong();
            boolean known = true;
            for (int q = 1; q < fiscalQuarter; q++) {
                Long earlierValue = flowOf(earlier.get(q), a);
                if (earlierValue == null) {
                    warnings.add(label + ": the stored quarter " + q + " has no " + field(a)
                            + ", so the quarter's figure cannot be derived; left empty");
                    known = false;
                    break;
                }
                value -= earlierValue;
            }
            flows[i] = known ? value : null;
        }

        Long equity = balance(lines, Account.EQUITY, label, warnings);
        Long liabilities = balance(lines, Account.LIABILITIES, label, warnings);
        if (liabilities != null && liabilities < 0) {
            issues.add(new Issue(QualityRule.RANGE, "liabilities", String.valueOf(liabilities), label
                    + ": total liabilities " + liabilities + " are negative; left empty", QualityAction.REJECTED));
            liabilities = null;
        }
        OptionalLong assets = amount(lines, Account.ASSETS, false);
        if (assets.isPresent() && equity != null && liabilities != null) {
            long sum = equity + liabilities;
            long gap = Math.abs(assets.getAsLong() - sum);
            if (gap > Math.abs(assets.getAsLong()) * balanceTolerance) {
                issues.add(new Issue(QualityRule.INCONSISTENT, "equity", String.valueOf(equity), label
                        + ": total assets " + assets.getAsLong() + " differ from liabilities + equity " + sum
                        + " by " + gap + "; kept for review", QualityAction.FLAGGED));
            }
        }
        return new Result(new Figures(flows[0], flows[1], flows[2], equity, liabilities, flows[3]), warnings, issues);
    }

    private static Long balance(List<FinancialStatementLine> lines, Account a, String label, List<String> warnings) {
        OptionalLong v = amount(lines, a, false);
        if (v.isEmpty()) {
            warnings.add(label + ": the report has no " + field(a) + "; left empty");
            return null;
        }
        return v.getAsLong();
    }

    /** The year-to-date amount of a flow account: the cumulative column where given, else the current one. */
    private static OptionalLong yearToDate(List<FinancialStatementLine> lines, Account a) {
        return amount(lines, a, true);
    }

    private static OptionalLong amount(List<FinancialStatementLine> lines, Account a, boolean cumulative) {
        FinancialStatementLine byName = null;
        for (String statement : a.flow ? (a == Account.OPERATING_CASH_FLOW ? List.of("CF") : List.of("IS", "CIS"))
                : List.of("BS")) {
            for (FinancialStatementLine line : lines) {
                if (!line.statement().equals(statement)) {
                    continue;
                }
                if (a.ids.contains(line.accountId())) {
                    return pick(line, cumulative);
                }
                if (byName == null && a.names.contains(line.accountName().replace(" ", ""))) {
                    byName = line;
                }
            }
            if (byName != null) {
                return pick(byName, cumulative);
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong pick(FinancialStatementLine line, boolean cumulative) {
        if (cumulative && line.currentCumulative().isPresent()) {
            return line.currentCumulative();
        }
        return line.currentAmount();
    }

    private static Long flowOf(Flows f, Account a) {
        return switch (a) {
            case REVENUE -> f.revenue();
            case OPERATING_INCOME -> f.operatingIncome();
            case NET_INCOME -> f.netIncome();
            case OPERATING_CASH_FLOW -> f.operatingCashFlow();
            default -> throw new IllegalArgumentException(a + " is no flow");
        };
    }

    private static String field(Account a) {
        return a.name().toLowerCase(java.util.Locale.ROOT);
    }
}
