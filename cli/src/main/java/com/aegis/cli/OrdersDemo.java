package com.aegis.cli;

import static com.aegis.db.jooq.Tables.EXECUTION_REPORT;
import static com.aegis.db.jooq.Tables.ORDER_EVENT;
import static com.aegis.db.jooq.Tables.POSITION;
import static com.aegis.db.jooq.Tables.SIGNAL;

import com.aegis.activities.kis.rest.KisBalance;
import com.aegis.activities.kis.rest.KisCredentials;
import com.aegis.activities.kis.rest.KisEnvironment;
import com.aegis.activities.kis.rest.KisHolding;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.orders.AccountBook;
import com.aegis.activities.orders.OrderQueries;
import com.aegis.activities.orders.OrderRow;
import com.aegis.core.execution.SignalId;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workflows.control.ControlStatus;
import com.aegis.workflows.control.ModeChange;
import com.aegis.workflows.control.OrderDecision;
import com.aegis.workflows.control.StartedOrder;
import com.aegis.workflows.control.TradingControlWorkflow;
import com.aegis.workflows.control.TradingControls;
import com.aegis.workflows.control.TradingMode;
import com.aegis.workflows.orders.OrderExecutionReport;
import com.aegis.workflows.orders.OrderLifecycleWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The demo's order step: the pre-open decisions of the simulated session run as order workflows against the
 * simulated broker (AUTO), then one decision waits in MANUAL mode for an operator's approval; the orders, the fills
 * and the account are printed and the books are checked against the broker's balance.
 */
final class OrdersDemo {

    /** How long the demo waits for the day's orders to end (real time; the simulated session runs faster). */
    static final Duration WAIT = Duration.ofSeconds(150);
    private static final String OPERATOR = "operator";

    private final CliSettings settings;
    private final PrintStream out;
    private final DSLContext db;

    OrdersDemo(CliSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.db = DSL.using(settings.dataSource(), SQLDialect.POSTGRES);
    }

    /** True when every order ended and the books match the broker's account. */
    boolean run(LocalDate session, String account) {
        try (TemporalAccess temporal = new TemporalAccess(settings).requireReachable()) {
            WorkflowClient client = temporal.client();
            TradingControlWorkflow control = TradingControls.of(client, session);
            ControlStatus status = control.status();
            out.printf("    trading control %s: %s, %d order(s) started from the pre-open decisions, %d refused%n",
                    TradingControlWorkflow.workflowId(session), status.mode(), status.startedOrders().size(),
                    status.refusedDecisions().size());
            status.refusedDecisions().forEach(r -> out.println("    refused: " + r.decision().side() + " "
                    + r.decision().symbol().code() + " - " + r.reason()));
            boolean ended = awaitOrders(client, status.startedOrders().stream().map(StartedOrder::orderRef).toList());

            // MANUAL: a decision is held until an operator approves it.
            control.changeMode(new ModeChange(TradingMode.MANUAL, "demo: the operator reviews further orders",
                    OPERATOR));
            Optional<OrderDecision> manual = manualDecision(session, account);
            if (manual.isPresent()) {
                OrderDecision d = manual.get();
                control.decision(d);
                List<OrderDecision> pending = control.status().pendingApprovals();
                out.printf("    MANUAL mode: %s %d %s @ %,d KRW waits for approval (pending: %d); approving as %s%n",
                        d.side(), d.quantity(), d.symbol().code(), d.price(), pending.size(), OPERATOR);
                StartedOrder approved = control.approve(d.id(), OPERATOR);
                out.printf("    approved -> order %s%n", approved.orderRef());
                ended &= awaitOrders(client, List.of(approved.orderRef()));
            }

            OrderQueries queries = new OrderQueries(db);
            List<OrderRow> orders = queries.ordersOf(session).stream().filter(o -> o.account().equals(account))
                    .toList();
            out.println("    our orders (market time; costs = commission + tax):");
            OrdersCommand.print(queries, orders, out, "    ");
            printLatency(orders);
            return ended & printAccount(account);
        }
    }

    private boolean awaitOrders(WorkflowClient client, List<String> ids) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean all = true;
        for (String id : ids) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                client.newUntypedWorkflowStub(id).getResult(left, TimeUnit.NANOSECONDS, OrderExecutionReport.class);
            } catch (TimeoutException e) {
                client.newWorkflowStub(OrderLifecycleWorkflow.class, id).cancel("demo ends", OPERATOR);
                out.println("    " + id + " still open after " + WAIT.toSeconds() + " s; cancel requested");
                all = false;
            }
        }
        return all;
    }

    /** Sell half of the largest position at its last fill price, as an operator's decision (a MANUAL signal). */
    private Optional<OrderDecision> manualDecision(LocalDate session, String account) {
        var largest = db.select(POSITION.SYMBOL, POSITION.QUANTITY).from(POSITION)
                .where(POSITION.ACCOUNT.eq(account), POSITION.QUANTITY.ge(2L))
                .orderBy(POSITION.QUANTITY.mul(POSITION.AVG_PRICE).desc()).limit(1).fetchOne();
        if (largest == null) {
            out.println("    MANUAL mode: no position to reduce, so no decision to approve");
            return Optional.empty();
        }
        String symbol = largest.value1().trim();
        long price = ((Number) db.fetchValue("select price from fill f join orders o"
                + " on o.client_order_id = f.order_id where f.symbol = ? and o.account = ?"
                + " order by f.filled_at desc limit 1", symbol, account)).longValue();
        long signal = db.insertInto(SIGNAL).set(SIGNAL.TRADE_DATE, session).set(SIGNAL.SYMBOL, symbol)
                .set(SIGNAL.SIDE, Side.SELL.name()).set(SIGNAL.SCORE, 50.0).set(SIGNAL.SOURCE, "MANUAL")
                .set(SIGNAL.REASON, "demo: take half the profit")
                .set(SIGNAL.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).returning(SIGNAL.ID).fetchOne().getId();
        return Optional.of(new OrderDecision(Symbol.of(symbol), Side.SELL, largest.value2() / 2, price,
                SignalId.of(signal), 50.0));
    }

    /** Signal to venue acceptance per order, in market time (submitted event to accepted event). */
    private void printLatency(List<OrderRow> orders) {
        List<Long> millis = new ArrayList<>();
        for (OrderRow o : orders) {
            Map<String, OffsetDateTime> at = db.select(ORDER_EVENT.EVENT_TYPE, DSL.min(ORDER_EVENT.OCCURRED_AT))
                    .from(ORDER_EVENT).where(ORDER_EVENT.ORDER_ID.eq(o.clientOrderId()))
                    .groupBy(ORDER_EVENT.EVENT_TYPE).fetchMap(ORDER_EVENT.EVENT_TYPE, DSL.min(ORDER_EVENT.OCCURRED_AT));
            if (at.containsKey("ORDER_INITIALIZED") && at.containsKey("ORDER_ACCEPTED")) {
                millis.add(Duration.between(at.get("ORDER_INITIALIZED"), at.get("ORDER_ACCEPTED")).toMillis());
            }
        }
        Long fills = db.selectCount().from(EXECUTION_REPORT).join(com.aegis.db.jooq.Tables.ORDERS)
                .on(com.aegis.db.jooq.Tables.ORDERS.CLIENT_ORDER_ID.eq(EXECUTION_REPORT.ORDER_ID))
                .where(EXECUTION_REPORT.FILLED_QUANTITY.gt(0L),
                        com.aegis.db.jooq.Tables.ORDERS.CLIENT_ORDER_ID.in(orders.stream()
                                .map(OrderRow::clientOrderId).toList())).fetchOne(0, Long.class);
        if (!millis.isEmpty()) {
            millis.sort(Long::compare);
            long median = millis.get(millis.size() / 2);
            out.printf("    decision -> accepted by the venue: median %,d ms of market time (%,d ms real at %dx) over"
                    + " %d orders; %d of %d orders traded%n", median, median / DemoCommand.SIM_SPEED,
                    DemoCommand.SIM_SPEED, millis.size(), fills, orders.size());
        }
    }

    /** Our books against the simulated broker's balance inquiry. */
    private boolean printAccount(String account) {
        long cash = AccountBook.cash(db, account);
        Map<String, Long> shares = AccountBook.shares(db, account);
        out.printf("    books of %s: cash %,d KRW, %d position(s), realised P&L %,d KRW (after costs)%n", account, cash,
                shares.size(), AccountBook.realisedPnl(db, account));
        Optional<KisRestClient> broker = simulatedBroker();
        if (broker.isEmpty()) {
            out.println("    (the simulated broker's address is not in the health document; balance not compared)");
            return true;
        }
        KisBalance balance = broker.get().balance();
        Table table = new Table("STOCK", "SHARES (BOOKS)", "SHARES (BROKER)", "AVG COST", "LAST", "UNREALISED");
        long unrealised = 0;
        boolean match = balance.deposit() == cash;
        for (KisHolding h : balance.holdings()) {
            long ours = shares.getOrDefault(h.symbol().code(), 0L);
            match &= ours == h.quantity();
            long pnl = h.quantity() * h.currentPrice() - h.purchaseAmount();
            unrealised += pnl;
            table.row(h.symbol().code(), Long.toString(ours), Long.toString(h.quantity()),
                    String.format(Locale.ROOT, "%,d", h.averagePrice()),
                    String.format(Locale.ROOT, "%,d", h.currentPrice()), String.format(Locale.ROOT, "%,d", pnl));
        }
        for (String symbol : shares.keySet()) {
            match &= balance.holdings().stream().anyMatch(h -> h.symbol().code().equals(symbol) && h.quantity() > 0);
        }
        table.print(out, "    ");
        out.printf("    broker: deposit %,d KRW, holdings at market %,d KRW, unrealised %,d KRW -> books %s the"
                + " broker%n", balance.deposit(), balance.securitiesValue(), unrealised,
                match ? "match" : "DO NOT match");
        return match;
    }

    private Optional<KisRestClient> simulatedBroker() {
        Optional<JsonNode> health = WorkersProcess.fetchHealth(settings.workersUrl());
        String address = health.map(h -> h.path("components").path("simulator").path("components")
                .path(SimulatedProviders.KIS_REST).path("details").path("address").asText("")).orElse("");
        if (address.isBlank()) {
            return Optional.empty();
        }
        SimulatedProviders.Settings sim = SimulatedProviders.Settings.localDefaults();
        KisEnvironment environment = KisEnvironment.live().withBaseUri(URI.create(address));
        return Optional.of(KisRestClient.standard(environment, KisCredentials.of(sim.kisAppKey(), sim.kisAppSecret(),
                sim.kisAccountNumber(), "01"), settings.home().resolve("kis-tokens-cli")));
    }
}
