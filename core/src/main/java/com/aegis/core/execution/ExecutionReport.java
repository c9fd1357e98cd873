package com.aegis.core.execution;

import com.aegis.core.execution.OrderEvent.OrderFilled;
import com.aegis.core.krx.FillCost;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order asked for, what it got and what it cost (requirement E5; the {@code execution_report} table).
 *
 * <p>Costs are computed per fill, to the won, with {@link TradingCosts} on the fill's KST trade date, as a broker's
 * statement does. Slippage is signed so that a positive number is a cost: a buy filled above the decision price or a
 * sell filled below it.
 *
 * @param clientOrderId    the order
 * @param symbol           what was traded
 * @param side             buy or sell
 * @param status           the order's status when the report was made (final for a closed order)
 * @param orderedQuantity  ordered shares
 * @param filledQuantity   filled shares
 * @param filledNotional   Σ price × quantity over the fills, KRW
 * @param averagePrice     filledNotional / filledQuantity to 4 decimals; empty without fills
 * @param decisionPrice    the price at decision time, KRW
 * @param commission       Σ commission over the fills, KRW
 * @param tax              Σ sell tax over the fills, KRW (0 for a buy)
 * @param netCash          signed cash effect of all fills including costs, KRW
 * @param slippageKrw      cost of trading away from the decision price: (avg − decision) × filled for a buy,
 *                         (decision − avg) × filled for a sell, KRW, exact
 * @param slippageBps      slippageKrw / (decision price × filled) in basis points; 0 without fills
 * @param fillCount        number of fills
 * @param firstFillAt      first fill time, if any
 * @param lastFillAt       last fill time, if any
 */
public record ExecutionReport(
        ClientOrderId clientOrderId,
        Symbol symbol,
        Side side,
        OrderStatus status,
        long orderedQuantity,
        long filledQuantity,
        long filledNotional,
        Optional<BigDecimal> averagePrice,
        long decisionPrice,
        long commission,
        long tax,
        long netCash,
        long slippageKrw,
        double slippageBps,
        int fillCount,
        Optional<Instant> firstFillAt,
        Optional<Instant> lastFillAt) {

    public ExecutionReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(firstFillAt, "firstFillAt");
        Objects.requireNonNull(lastFillAt, "lastFillAt");
    }

    /** The report of an order, open or closed, from its fills. */
    public static ExecutionReport of(Order order, TradingCosts costs) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(costs, "costs");
        SubmitOrder cmd = order.command();
        List<OrderFilled> fills = order.fills();
        long commission = 0;
        long tax = 0;
        long netCash = 0;
        for (OrderFilled fill : fills) {
            LocalDate tradeDate = fill.occurredAt().atZone(KrxCalendar.KST).toLocalDate();
            FillCost cost = costs.cost(cmd.side(), cmd.market(), tradeDate, fill.price(), fill.quantity());
            commission = Math.addExact(commission, cost.commission());
            tax = Math.addExact(tax, cost.tax());
            netCash = Math.addExact(netCash, cost.netCash());
        }
        long filled = order.filledQuantity();
        long atDecision = Math.multiplyExact(cmd.decisionPrice(), filled);
        long slippage = cmd.side() == Side.BUY
                ? order.filledNotional() - atDecision
                : atDecision - order.filledNotional();
        double slippageBps = filled == 0 ? 0.0
                : BigDecimal.valueOf(slippage).multiply(BigDecimal.valueOf(10_000))
                        .divide(BigDecimal.valueOf(atDecision), 6, RoundingMode.HALF_EVEN).doubleValue();
        return new ExecutionReport(cmd.clientOrderId(), cmd.symbol(), cmd.side(), order.status(), order.quantity(),
                filled, order.filledNotional(), order.averageFillPrice(), cmd.decisionPrice(), commission, tax,
                netCash, slippage, slippageBps, fills.size(),
                fills.isEmpty() ? Optional.empty() : Optional.of(fills.get(0).occurredAt()),
                fills.isEmpty() ? Optional.empty() : Optional.of(fills.get(fills.size() - 1).occurredAt()));
    }

    /** Filled share of the ordered quantity, 0..1. */
    public double fillRate() {
        return (double) filledQuantity / orderedQuantity;
    }

    /** Commission plus tax, KRW. */
    public long totalCost() {
        return commission + tax;
    }
}
