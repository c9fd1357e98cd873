package com.aegis.activities.orders;

import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.SCORE_DAILY;
import static com.aegis.db.jooq.Tables.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Side;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.signal.SignalThresholds;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.activities.testing.MutableClock;
import com.aegis.workflows.batch.OrderPlanningActivities.PlanReport;
import com.aegis.workflows.batch.OrderPlanningActivities.PlanRequest;
import com.aegis.workflows.control.OrderDecision;
import com.aegis.workflows.control.TradingControlWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the local stack's PostgreSQL and Temporal. The day's trading control is started on {@code aegis-orders} with
 * no worker polling it here, so the decisions sent to it stay in its history, where the test reads them. Instruments
 * 99095x and August 2029 are this class's own.
 */
class OrderPlanningActivitiesImplTest {

    private static final LocalDate SCORES = LocalDate.of(2029, 8, 1);
    private static final LocalDate DAY = LocalDate.of(2029, 8, 2);
    private static final String ACCOUNT = "ACC-PLANNING-TEST";
    private static final Instant AT = Instant.parse("2029-08-01T23:35:00Z");

    private static DSLContext dsl;
    private static WorkflowServiceStubs service;
    private static WorkflowClient client;

    @BeforeAll
    static void setUp() {
        LocalStack stack = LocalStack.sharedForTests();
        DataSource dataSource = stack.dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(stack.temporalTarget()).build());
        client = WorkflowClient.newInstance(service,
                WorkflowClientOptions.newBuilder().setNamespace(stack.temporalNamespace()).build());
        dsl.deleteFrom(SIGNAL).where(SIGNAL.TRADE_DATE.eq(DAY)).execute();
        dsl.deleteFrom(SCORE_DAILY).where(SCORE_DAILY.TRADE_DATE.eq(SCORES)).execute();
        dsl.execute("delete from position where account = ?", ACCOUNT);
        dsl.execute("delete from cash_ledger where account = ?", ACCOUNT);
        // 990951..990953 score BUY, 990954 NEUTRAL, 990955 SELL; 990956 BUY but without a quote.
        double[] finals = {99.0, 90.0, 80.0, 50.0, 10.0, 95.0};
        for (int i = 0; i < finals.length; i++) {
            String symbol = "99095" + (i + 1);
            dsl.insertInto(INSTRUMENT).set(INSTRUMENT.SYMBOL, symbol).set(INSTRUMENT.NAME, "Planning " + symbol)
                    .set(INSTRUMENT.MARKET, "KOSPI").set(INSTRUMENT.LISTED_SHARES, 10_000_000L)
                    .set(INSTRUMENT.LISTED_ON, LocalDate.of(2020, 1, 2)).onConflictDoNothing().execute();
            dsl.insertInto(SCORE_DAILY).set(SCORE_DAILY.TRADE_DATE, SCORES).set(SCORE_DAILY.SYMBOL, symbol)
                    .set(SCORE_DAILY.QUANT_SCORE, 0.0).set(SCORE_DAILY.FINAL_SCORE, finals[i])
                    .set(SCORE_DAILY.RECOMMENDATION, finals[i] >= 75 ? "BUY" : finals[i] <= 25 ? "SELL" : "NEUTRAL")
                    .set(SCORE_DAILY.REGIME, "BULL").set(SCORE_DAILY.WEIGHTS, JSONB.valueOf("{}")).execute();
        }
        AccountBook.deposit(dsl, ACCOUNT, 100_000_000L, "opening-" + ACCOUNT, SCORES, AT.minusSeconds(86_400));
        dsl.transaction(tx -> AccountBook.book(tx.dsl(), new AccountBook.FillBooking(ACCOUNT, "990955", Side.BUY,
                20_000, 300, 900, 0, "planning-test-buy", SCORES, AT.minusSeconds(3_600))));
    }

    @AfterAll
    static void tearDown() {
        try {
            client.newUntypedWorkflowStub(TradingControlWorkflow.workflowId(DAY)).terminate("test finished");
        } catch (RuntimeException closed) {
            // not started
        }
        service.shutdown();
    }

    @Test
    void theBestScoresBecomeSizedDecisionsForTheDaysControlOnceAndTheWeakHoldingsAreSold() {
        Map<String, Long> quotes = Map.of("990951", 50_000L, "990952", 10_000L, "990953", 8_000L,
                "990954", 30_000L, "990955", 21_000L);
        OrderPlanningActivitiesImpl planning = new OrderPlanningActivitiesImpl(dsl, client,
                symbol -> Optional.ofNullable(quotes.get(symbol.code())),
                new OrderPlanningActivitiesImpl.Settings(ACCOUNT, List.of("kim"), 2, 1_000,
                        SignalThresholds.defaults(), RiskLimits.defaults()), new MutableClock(AT));

        PlanReport plan = planning.planOrders(new PlanRequest(DAY, SCORES, false));

        assertThat(plan.controlWorkflowId()).isEqualTo("trading-control-2029-08-02");
        assertThat(plan.buys()).isEqualTo(2);
        assertThat(plan.sells()).isEqualTo(1);
        assertThat(plan.skipped()).containsExactly("BUY 990956: no live quote (not trading today)",
                "BUY 990953 (score 80.0): the day's 2 buys are taken");
        // Equity 100,000,000 - 6,000,900 + 300 x 21,000 = 100,299,100; 10% is 10,029,910 KRW.
        List<OrderDecision> sent = decisionsSentTo(plan.controlWorkflowId());
        assertThat(sent).extracting(d -> d.side() + " " + d.quantity() + " " + d.symbol().code() + " @ " + d.price())
                .containsExactly("BUY 200 990951 @ 50000", "BUY 1002 990952 @ 10000", "SELL 300 990955 @ 21000");
        assertThat(plan.decisions()).hasSize(3).allSatisfy(line -> assertThat(line).contains("signal "));
        assertThat(dsl.fetchCount(SIGNAL, SIGNAL.TRADE_DATE.eq(DAY), SIGNAL.SOURCE.eq("BATCH"))).isEqualTo(3);

        // A repeat sends the same decisions (the same signal ids), which the control recognises; no new signal rows.
        PlanReport again = planning.planOrders(new PlanRequest(DAY, SCORES, false));
        assertThat(again.decisions()).isEqualTo(plan.decisions());
        assertThat(dsl.fetchCount(SIGNAL, SIGNAL.TRADE_DATE.eq(DAY))).isEqualTo(3);
        List<OrderDecision> twice = decisionsSentTo(plan.controlWorkflowId());
        assertThat(twice.subList(3, 6)).extracting(OrderDecision::signalId)
                .isEqualTo(sent.stream().map(OrderDecision::signalId).toList());
    }

    @Test
    void staleScoresPlaceNoOrders() {
        OrderPlanningActivitiesImpl planning = new OrderPlanningActivitiesImpl(dsl, client,
                symbol -> Optional.of(1_000L), OrderPlanningActivitiesImpl.Settings.defaults(ACCOUNT, List.of("kim")),
                new MutableClock(AT));
        PlanReport plan = planning.planOrders(new PlanRequest(LocalDate.of(2029, 8, 3), SCORES, true));
        assertThat(plan.decisions()).isEmpty();
        assertThat(plan.skipped()).singleElement().asString().contains("stale scores place no orders");
    }

    private static List<OrderDecision> decisionsSentTo(String workflowId) {
        return client.fetchHistory(workflowId).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("decision"))
                .map(OrderPlanningActivitiesImplTest::decision).toList();
    }

    private static OrderDecision decision(HistoryEvent e) {
        return DefaultDataConverter.STANDARD_INSTANCE.fromPayloads(0,
                Optional.of(e.getWorkflowExecutionSignaledEventAttributes().getInput()), OrderDecision.class,
                OrderDecision.class);
    }
}
