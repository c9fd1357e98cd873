package com.aegis.benchmarks.orders;

import com.aegis.activities.kis.rest.KisDailyOrder;
import com.aegis.activities.orders.OrderEventRow;
import com.aegis.activities.orders.OrderQueries;
import com.aegis.activities.orders.OrderRow;
import com.aegis.activities.orders.ReportRow;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.krx.KrxCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Execution quality of a set of orders, read back from what the order path stored ({@code orders},
 * {@code order_event}, {@code execution_report}) and, for the venue's acceptance time, the broker's daily order
 * inquiry.
 *
 * @param orders          orders started
 * @param statuses        final status counts
 * @param submitted       orders that passed the pre-trade check and went to the broker
 * @param accepted        submitted orders the venue accepted (a broker order number)
 * @param orderedShares   shares asked for by the submitted orders
 * @param filledShares    shares filled
 * @param fillLatencies   per filled order, seconds of market time from the venue's order time (1 s resolution) to
 *                        the last fill, by order type
 * @param eventLatencies  the same from the workflow's ORDER_ACCEPTED event (market time read by the workflow)
 * @param costRatios      per order with fills, (commission + tax + |slippage|) / filled value
 * @param commission      KRW over all orders
 * @param tax             KRW over all orders
 * @param absSlippage     KRW over all orders, absolute per order
 * @param filledValue     KRW over all orders
 * @param denials         close reasons of the orders the check denied, by reason
 * @param unfilled        close reasons of the submitted orders that did not fill completely, numbers as "n"
 */
public record DayFigures(int orders, Map<OrderStatus, Integer> statuses, int submitted, int accepted,
        long orderedShares, long filledShares, Map<OrderType, List<Double>> fillLatencies,
        List<Double> eventLatencies, List<Double> costRatios, long commission, long tax, long absSlippage,
        long filledValue, Map<String, Integer> denials, Map<String, Integer> unfilled) {

    /** Reads the figures of the orders with these workflow IDs (each its own client order ID). */
    public static DayFigures of(OrderQueries queries, List<String> workflowIds, List<KisDailyOrder> venueOrders,
            LocalDate session) {
        Objects.requireNonNull(queries, "queries");
        Map<String, LocalTime> venueTime = new HashMap<>();
        for (KisDailyOrder o : venueOrders) {
            if (!o.cancelRow() && o.originalOrder().isEmpty()) {
                venueTime.put(o.orderNumber().value(), o.orderTime());
            }
        }
        Map<OrderStatus, Integer> statuses = new EnumMap<>(OrderStatus.class);
        Map<OrderType, List<Double>> fillLatencies = new EnumMap<>(OrderType.class);
        List<Double> eventLatencies = new ArrayList<>();
        List<Double> costRatios = new ArrayList<>();
        Map<String, Integer> denials = new HashMap<>();
        Map<String, Integer> unfilled = new HashMap<>();
        int submitted = 0;
        int accepted = 0;
        long ordered = 0;
        long filled = 0;
        long commission = 0;
        long tax = 0;
        long slippage = 0;
        long value = 0;
        for (String id : workflowIds) {
            OrderRow order = queries.order(id).orElseThrow(() -> new IllegalStateException("order " + id
                    + " was not stored"));
            ReportRow report = queries.reportOf(id).orElseThrow(() -> new IllegalStateException("order " + id
                    + " has no execution report"));
            statuses.merge(report.finalStatus(), 1, Integer::sum);
            if (report.finalStatus() == OrderStatus.DENIED) {
                String reason = order.rejectReason() == null ? "unknown" : order.rejectReason();
                denials.merge(reason, 1, Integer::sum);
                continue;
            }
            submitted++;
            if (report.filledQuantity() < report.orderedQuantity()) {
                String reason = report.closeReason() == null ? report.finalStatus().name()
                        : report.closeReason().replaceAll("[0-9]+", "n");
                unfilled.merge(reason, 1, Integer::sum);
            }
            ordered += report.orderedQuantity();
            filled += report.filledQuantity();
            if (order.brokerOrderNo() != null) {
                accepted++;
            }
            if (report.filledQuantity() > 0 && report.lastFillAt() != null) {
                LocalTime atVenue = order.brokerOrderNo() == null ? null : venueTime.get(order.brokerOrderNo());
                if (atVenue != null) {
                    Instant venueAccepted = session.atTime(atVenue).atZone(KrxCalendar.KST).toInstant();
                    fillLatencies.computeIfAbsent(order.type(), t -> new ArrayList<>())
                            .add(seconds(venueAccepted, report.lastFillAt()));
                }
                queries.eventsOf(id).stream().filter(e -> e.eventType().equals("ORDER_ACCEPTED")).findFirst()
                        .map(OrderEventRow::occurredAt)
                        .ifPresent(at -> eventLatencies.add(seconds(at, report.lastFillAt())));
                long absSlip = report.slippageKrw() == null ? 0 : Math.abs(report.slippageKrw());
                costRatios.add((double) (report.commission() + report.tax() + absSlip) / report.filledValue());
                commission += report.commission();
                tax += report.tax();
                slippage += absSlip;
                value += report.filledValue();
            }
        }
        return new DayFigures(workflowIds.size(), statuses, submitted, accepted, ordered, filled, fillLatencies,
                eventLatencies, costRatios, commission, tax, slippage, value, denials, unfilled);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1e3;
    }

    /** Accepted by the venue / submitted (M1 target at least 98%). */
    public double successRate() {
        return submitted == 0 ? Double.NaN : (double) accepted / submitted;
    }

    /** Filled shares / ordered shares of the submitted orders (M1 target at least 95%). */
    public double fillRate() {
        return orderedShares == 0 ? Double.NaN : (double) filledShares / orderedShares;
    }

    /** Mean market-time seconds from the venue's acceptance to the last fill over all filled orders (M1: &lt; 30 s). */
    public double meanFillSeconds() {
        return fillLatencies.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    /** The same for one order type. */
    public double meanFillSeconds(OrderType type) {
        return fillLatencies.getOrDefault(type, List.of()).stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    public int filledOrders(OrderType type) {
        return fillLatencies.getOrDefault(type, List.of()).size();
    }

    /** Mean market-time seconds from the workflow's ORDER_ACCEPTED event to the last fill. */
    public double meanEventFillSeconds() {
        return eventLatencies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Mean over the orders with fills of (commission + tax + |slippage|) / filled value (M3: at most 0.15%). */
    public double meanCostRatio() {
        return costRatios.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The same summed over all orders before dividing (value-weighted). */
    public double aggregateCostRatio() {
        return filledValue == 0 ? Double.NaN : (double) (commission + tax + absSlippage) / filledValue;
    }
}
