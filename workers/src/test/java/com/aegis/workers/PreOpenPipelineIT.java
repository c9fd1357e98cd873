package com.aegis.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.activities.cache.TieredAnalyticsCache;
import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.scoring.ScoreExplanation;
import com.aegis.localstack.KafkaTopics;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workers.config.AegisProperties;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.batch.BatchJob;
import com.aegis.workflows.batch.BatchOutcome;
import com.aegis.workflows.batch.BatchReport;
import com.aegis.workflows.batch.BatchRequest;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.DailyPostCloseWorkflow;
import com.aegis.workflows.batch.DailyPreOpenWorkflow;
import com.aegis.workflows.schedule.BatchSchedules;
import com.aegis.workflows.schedule.ScheduleSpec;
import com.aegis.workflows.scoring.ScoringPipelineWorkflowImpl;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.PlantedEffects;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.ProgressListener;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The batch jobs on the local stack, end to end through Temporal, PostgreSQL, Redis and Kafka: the 18:00 collection
 * of a session from the simulated providers, and the 08:30 pre-open run over a 2,800-stock market.
 */
@LocalWorkersTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreOpenPipelineIT {

    @Autowired
    SimulatedProviders simulator;

    @Autowired
    WorkflowClient client;

    @Autowired
    DSLContext db;

    @Autowired
    TieredAnalyticsCache cache;

    @Autowired
    AegisProperties properties;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private <T> T stub(Class<T> type, BatchJob job, LocalDate date) {
        return client.newWorkflowStub(type, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.BATCH)
                .setWorkflowId(job.workflowId(date))
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(5))
                .build());
    }

    /** The 2,800-stock market of the pre-open test; it ends a week before the simulator's so they never overlap. */
    private static final LocalDate FULL_MARKET_END = LocalDate.of(2026, 11, 13);

    /** First: once the 2,800-stock market is loaded, its stocks have no bar on the simulator's sessions. */
    @Test
    @Order(1)
    void postCloseCollectsThePublishedSessionFromTheSimulatedProviders() throws Exception {
        SimulatedMarketInDatabase.ensureLoaded(simulator);
        List<LocalDate> days = simulator.history().tradingDays();
        // The simulator's last session is the one its exchange is trading now; the one before is published.
        LocalDate session = days.get(days.size() - 2);
        BatchReport postClose = stub(DailyPostCloseWorkflow.class, BatchJob.DAILY_POST_CLOSE, session)
                .run(new BatchRequest(session, true, false));
        assertThat(postClose.outcome()).as("post-close %s: %s", session, postClose.reason())
                .isEqualTo(BatchOutcome.SUCCEEDED);
        assertThat(postClose.collections()).extracting(CollectionReport::dataset)
                .containsExactly("DAILY_PRICE", "TIDY", "DISCLOSURE", "GLOBAL_INDICATOR");
        recordHistory(BatchJob.DAILY_POST_CLOSE.workflowId(session), "daily-post-close.json");
        CollectionReport market = postClose.collections().get(0);
        assertThat(market.source()).isEqualTo("KRX_DATA");
        Set<String> simulated = simulator.history().instruments().stream().map(i -> i.symbol().code())
                .collect(Collectors.toSet());
        int stored = db.fetchCount(DSL.table("daily_bar"), DSL.field("trade_date").eq(session)
                .and(DSL.field("symbol").in(simulated)).and(DSL.field("source").ne("LAST_GOOD")));
        assertThat(stored).isEqualTo(market.stored()).isGreaterThan(simulated.size() * 9 / 10);
        assertThat(db.fetchCount(DSL.table("batch_run"), DSL.field("job_name").eq(BatchJob.DAILY_POST_CLOSE.jobName())
                .and(DSL.field("run_date").eq(session)).and(DSL.field("status").eq("SUCCEEDED")))).isEqualTo(1);
    }

    @Test
    @Order(2)
    void preOpenScoresTheWholeMarketAndPublishesTheWatchlist() throws Exception {
        MarketHistory full = MarketGenerator.generate(new GeneratorConfig(7L, 2_800, 2, FULL_MARKET_END, false,
                PlantedEffects.defaults()), ProgressListener.NONE);
        PostgresHistoryLoader.load(full, LocalStack.sharedForTests().dataSource(), ProgressListener.NONE);
        LocalDate scoringDate = KrxCalendar.standard().nextTradingDay(FULL_MARKET_END);

        // 08:30 of the next session: screen → quant → (AI off) → final, watchlist published.
        BatchReport preOpen = stub(DailyPreOpenWorkflow.class, BatchJob.DAILY_PRE_OPEN, scoringDate)
                .run(new BatchRequest(scoringDate, true, false));
        assertThat(preOpen.outcome()).isEqualTo(BatchOutcome.DEGRADED);
        assertThat(preOpen.reason()).isEqualTo(ScoringPipelineWorkflowImpl.AI_DISABLED_REASON);
        recordHistory(BatchJob.DAILY_PRE_OPEN.workflowId(scoringDate), "daily-pre-open.json");
        int screened = preOpen.pipeline().screening().passed().size();
        assertThat(preOpen.pipeline().screening().universe()).isGreaterThan(2_500);
        assertThat(preOpen.stageMillis()).containsKeys("tidy", "pipeline", "watchlist");
        assertThat(screened).isBetween(150, 200);
        assertThat(preOpen.pipeline().result().scored()).isEqualTo(screened);
        assertThat(preOpen.pipeline().stageMillis()).containsKeys("screen", "quant", "ai", "final");

        ScoreQueries queries = new ScoreQueries(db);
        var scores = queries.scores(scoringDate, 0);
        assertThat(scores).hasSize(screened).allSatisfy(s -> {
            assertThat(s.finalScore()).isBetween(0.0, 100.0);
            assertThat(s.degradedReason()).isEqualTo(ScoringPipelineWorkflowImpl.AI_DISABLED_REASON);
        });
        assertThat(db.fetchCount(DSL.table("factor_value"), DSL.field("trade_date").eq(scoringDate)))
                .isEqualTo(12 * screened);
        String best = scores.get(0).symbol();
        ScoreExplanation explanation = queries.explain(best, scoringDate).orElseThrow();
        assertThat(explanation.finalScore()).isEqualTo(scores.get(0).finalScore());
        assertThat(explanation.describe()).contains("PBR").contains("NET_INCOME_GROWTH").contains("DEGRADED");

        // Batch bookkeeping: a second run of the same date is a no-op.
        assertThat(db.fetchOne("select status from batch_run where job_name = ? and run_date = ?",
                BatchJob.DAILY_PRE_OPEN.jobName(), scoringDate).get(0, String.class)).isEqualTo("DEGRADED");
        BatchReport again = stub(DailyPreOpenWorkflow.class, BatchJob.DAILY_PRE_OPEN, scoringDate)
                .run(new BatchRequest(scoringDate, false, false));
        assertThat(again.outcome()).isEqualTo(BatchOutcome.ALREADY_SUCCEEDED);

        // The watchlist is on Kafka, keyed by the date, listing every BUY.
        String watchlist = lastRecordFor(scoringDate.toString());
        long buys = scores.stream().filter(s -> s.recommendation().equals("BUY")).count();
        assertThat(watchlist).contains("\"stale\":false");
        assertThat(scores.stream().filter(s -> s.recommendation().equals("BUY")))
                .hasSize((int) buys).allSatisfy(s -> assertThat(watchlist).contains(s.symbol()));

        // Served through the cache; the next session, whose pipeline has not run, gets it marked stale (I2).
        String fresh = get("/scores/" + best + "?date=" + scoringDate);
        assertThat(fresh).contains("\"stale\":false").contains("\"symbol\":\"" + best + "\"");
        LocalDate following = KrxCalendar.standard().nextTradingDay(scoringDate);
        String stale = get("/scores/" + best + "?date=" + following);
        assertThat(stale).contains("\"stale\":true").contains("\"scoresDate\":\"" + scoringDate + "\"")
                .contains("last good score of " + scoringDate);

        // C1/C2 on the real Redis: the final score is cached with its 15-minute TTL; a disclosure clears it.
        RedisClient redis = RedisClient.create(properties.redis().uri());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            List<String> keys = connection.sync().keys("aegis:cache:v1:final_score:" + best + ":" + scoringDate);
            assertThat(keys).hasSize(1);
            long ttl = connection.sync().pttl(keys.get(0));
            assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15).toMillis());
            assertThat(cache.invalidateStock(best, "disclosure for " + best)).isPositive();
            assertThat(connection.sync().exists(keys.get(0))).isZero();
        } finally {
            redis.shutdown();
        }
    }

    @Test
    @Order(3)
    void schedulesAreCreatedOnceAndReportTheirNextSeoulFire() {
        List<ScheduleSpec> specs = java.util.Arrays.stream(BatchJob.values())
                .map(job -> new ScheduleSpec(job, false, true)).toList();
        try {
            assertThat(BatchSchedules.ensure(client, specs)).extracting(BatchSchedules.Ensured::action)
                    .allSatisfy(a -> assertThat(a).matches("created .*|unchanged|updated"));
            assertThat(BatchSchedules.ensure(client, specs)).extracting(BatchSchedules.Ensured::action)
                    .containsOnly("unchanged");
            assertThat(BatchSchedules.state(client, BatchJob.WEEKLY_REBALANCE)).hasValueSatisfying(state -> {
                assertThat(state.rule()).isEqualTo("every SATURDAY 02:00 KST");
                java.time.ZonedDateTime next = java.time.Instant.parse(state.nextFire())
                        .atZone(java.time.ZoneId.of("Asia/Seoul"));
                assertThat(next.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
                assertThat(next.toLocalTime()).isEqualTo(java.time.LocalTime.of(2, 0));
            });
        } finally {
            for (BatchJob job : BatchJob.values()) {
                client.newUntypedWorkflowStub(job.scheduleId()).terminate("test finished");
            }
        }
    }

    /**
     * Writes a run's history to {@code target/histories/} (with the scoring child's next to the pre-open's), the
     * source of the recorded histories the workflows module replays on every build.
     */
    private void recordHistory(String workflowId, String file) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "histories");
        java.nio.file.Files.createDirectories(dir);
        io.temporal.common.WorkflowExecutionHistory history = client.fetchHistory(workflowId);
        java.nio.file.Files.writeString(dir.resolve(file), history.toJson(true));
        for (io.temporal.api.history.v1.HistoryEvent event : history.getEvents()) {
            if (event.hasChildWorkflowExecutionStartedEventAttributes()) {
                String child = event.getChildWorkflowExecutionStartedEventAttributes().getWorkflowExecution()
                        .getWorkflowId();
                java.nio.file.Files.writeString(dir.resolve("scoring-pipeline.json"),
                        client.fetchHistory(child).toJson(true));
            }
        }
    }

    private String get(String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private String lastRecordFor(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaTopics.WATCHLIST).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            assertThat(found).as("watchlist records keyed %s", key).isNotEmpty();
            return found.get(found.size() - 1).value();
        }
    }
}
