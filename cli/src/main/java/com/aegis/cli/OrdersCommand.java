package com.aegis.cli;

import com.aegis.activities.orders.OrderQueries;
import com.aegis.activities.orders.OrderRow;
import com.aegis.activities.orders.ReportRow;
import com.aegis.workflows.control.ControlStatus;
import com.aegis.workflows.control.OrderDecision;
import com.aegis.workflows.control.StartedOrder;
import com.aegis.workflows.control.TradingControls;
import com.aegis.workflows.orders.OrderLifecycleWorkflow;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aegis orders list|pending|approve|cancel}: the day's orders and the decisions waiting for an operator in
 * MANUAL mode. Approval and cancel go through the workflows, which audit who did it.
 */
@Command(name = "orders", description = "The day's orders; approve a pending decision (MANUAL mode) or cancel an order.",
        subcommands = {OrdersCommand.ListOrders.class, OrdersCommand.Pending.class, OrdersCommand.Approve.class,
                OrdersCommand.Cancel.class})
public class OrdersCommand {

    /** The {@code --date} of the order commands: a trading day, today in Seoul when not given. */
    static final class TradingDay {

        @Option(names = "--date", description = "Trading day (YYYY-MM-DD; default today in Seoul).")
        LocalDate date;

        LocalDate day() {
            return date != null ? date : LocalDate.now(ZoneId.of("Asia/Seoul"));
        }
    }

    /** {@code aegis orders list [--date D]}. */
    @Command(name = "list", description = "The orders of a trading day with their fills and costs.")
    public static class ListOrders implements Callable<Integer> {

        @Mixin
        TradingDay date;

        @Override
        public Integer call() {
            LocalDate day = date.day();
            OrderQueries queries = new OrderQueries(DSL.using(CliSettings.fromEnvironment().dataSource(),
                    SQLDialect.POSTGRES));
            List<OrderRow> orders = queries.ordersOf(day);
            PrintStream out = System.out;
            if (orders.isEmpty()) {
                out.println("no orders on " + day);
                return 0;
            }
            print(queries, orders, out, "");
            return 0;
        }
    }

    static void print(OrderQueries queries, List<OrderRow> orders, PrintStream out, String indent) {
        Table table = new Table("ORDER", "SIDE", "STOCK", "TYPE", "QTY", "FILLED", "AVG PRICE", "STATUS", "COSTS",
                "SLIPPAGE", "WHY IT ENDED");
        for (OrderRow o : orders) {
            ReportRow r = queries.reportOf(o.clientOrderId()).orElse(null);
            String average = r == null || r.filledQuantity() == 0 ? "-"
                    : String.format(Locale.ROOT, "%,d", Math.round((double) r.filledValue() / r.filledQuantity()));
            table.row(o.clientOrderId(), o.side().name(), o.symbol(), o.type().name()
                            + (o.limitPrice() == null ? "" : " " + String.format(Locale.ROOT, "%,d", o.limitPrice())),
                    Long.toString(o.quantity()), Long.toString(o.filledQuantity()), average, o.status().name(),
                    r == null ? "-" : String.format(Locale.ROOT, "%,d", r.commission() + r.tax()),
                    r == null || r.slippageBps() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f bp", r.slippageBps()),
                    r == null ? (o.rejectReason() == null ? "(open)" : o.rejectReason())
                            : r.closeReason() == null ? "" : r.closeReason());
        }
        table.print(out, indent);
    }

    /** {@code aegis orders pending [--date D]}. */
    @Command(name = "pending", description = "Decisions waiting for an operator's approval (MANUAL mode).")
    public static class Pending implements Callable<Integer> {

        @Mixin
        TradingDay date;

        @Override
        public Integer call() {
            LocalDate day = date.day();
            try (TemporalAccess temporal = new TemporalAccess(CliSettings.fromEnvironment()).requireReachable()) {
                ControlStatus status;
                try {
                    status = TradingControls.of(temporal.client(), day).status();
                } catch (WorkflowNotFoundException e) {
                    throw new CliException("no trading control runs for " + day + "; start it with 'aegis mode'");
                }
                System.out.printf("trading mode of %s: %s, state %s%n", day, status.mode(), status.state());
                if (status.pendingApprovals().isEmpty()) {
                    System.out.println("no decisions wait for approval");
                    return 0;
                }
                Table table = new Table("ID", "SIDE", "STOCK", "QTY", "PRICE", "SCORE");
                for (OrderDecision d : status.pendingApprovals()) {
                    table.row(d.id(), d.side().name(), d.symbol().code(), Long.toString(d.quantity()),
                            String.format(Locale.ROOT, "%,d", d.price()), String.format(Locale.ROOT, "%.1f",
                                    d.score()));
                }
                table.print(System.out, "");
                return 0;
            }
        }
    }

    /** {@code aegis orders approve <id> [--operator O] [--date D]}. */
    @Command(name = "approve", description = "Approve a pending decision; its order starts at once.")
    public static class Approve implements Callable<Integer> {

        @Parameters(index = "0", description = "The decision id (its signal id, as 'aegis orders pending' lists).")
        String decisionId;

        @Option(names = "--operator", defaultValue = "operator", description = "Who approves (default ${DEFAULT-VALUE}).")
        String operator;

        @Mixin
        TradingDay date;

        @Override
        public Integer call() {
            LocalDate day = date.day();
            try (TemporalAccess temporal = new TemporalAccess(CliSettings.fromEnvironment()).requireReachable()) {
                StartedOrder started;
                try {
                    started = TradingControls.of(temporal.client(), day).approve(decisionId, operator);
                } catch (WorkflowNotFoundException e) {
                    throw new CliException("no trading control runs for " + day + "; nothing to approve");
                } catch (WorkflowUpdateException e) {
                    throw new CliException("approval refused: " + RunCommand.rootMessage(e));
                }
                System.out.printf("approved by %s: %s %d %s @ %,d KRW -> order %s%n", started.approvedBy(),
                        started.decision().side(), started.decision().quantity(), started.decision().symbol().code(),
                        started.decision().price(), started.orderRef());
                return 0;
            }
        }
    }

    /** {@code aegis orders cancel <order id> --reason R [--operator O]}. */
    @Command(name = "cancel", description = "Cancel what is still open of an order (audited with the reason).")
    public static class Cancel implements Callable<Integer> {

        @Parameters(index = "0", description = "The order id (its workflow id, as 'aegis orders list' shows).")
        String orderId;

        @Option(names = "--reason", required = true, description = "Why; recorded with the order.")
        String reason;

        @Option(names = "--operator", defaultValue = "operator", description = "Who (default ${DEFAULT-VALUE}).")
        String operator;

        @Override
        public Integer call() {
            try (TemporalAccess temporal = new TemporalAccess(CliSettings.fromEnvironment()).requireReachable()) {
                try {
                    temporal.client().newWorkflowStub(OrderLifecycleWorkflow.class, orderId).cancel(reason, operator);
                } catch (WorkflowNotFoundException e) {
                    throw new CliException("no open order " + orderId + " (unknown or already closed)");
                }
                System.out.println("cancel of " + orderId + " requested by " + operator + ": " + reason);
                return 0;
            }
        }
    }
}
