package com.aegis.workers;

import com.aegis.activities.kis.rest.KisPriceQuote;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.activities.sources.KrxDataClient;
import com.aegis.activities.sources.YahooChartClient;
import com.aegis.core.market.Symbol;
import com.aegis.localstack.KafkaTopics;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.workflows.TaskQueues;
import com.aegis.workflows.system.SystemCheckReport;
import com.aegis.workflows.system.SystemCheckRequest;
import com.aegis.workflows.system.SystemCheckWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import org.apache.kafka.clients.admin.Admin;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.aegis.db.jooq.Tables.SYSTEM_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

/** The workers application on the real embedded stack: health, schema, topics and the system check through gRPC. */
@LocalWorkersTest
class WorkersOnLocalStackTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkflowClient client;

    @Autowired
    DSLContext db;

    @Autowired
    Flyway flyway;

    @Autowired
    Admin kafkaAdmin;

    @Test
    void healthShowsEveryComponentUpWithAddressAndVersion() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode health = new ObjectMapper().readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        for (String component : List.of("temporal", "postgres", "redis", "kafka")) {
            JsonNode details = health.path("components").path(component).path("details");
            assertThat(health.path("components").path(component).path("status").asText()).as(component).isEqualTo("UP");
            assertThat(details.path("address").asText()).as(component + " address").startsWith("127.0.0.1:");
            assertThat(details.path("version").asText()).as(component + " version").isNotBlank().isNotEqualTo("unknown");
            assertThat(details.path("mode").asText()).isEqualTo("embedded");
        }
        assertThat(health.path("components").path("postgres").path("details").path("version").asText()).startsWith("17.");
    }

    @Test
    void cacheHitRatesAreExportedPerLevel() throws Exception {
        HttpResponse<String> requests = get("/actuator/metrics/aegis.cache.requests");
        assertThat(requests.statusCode()).as(requests.body()).isEqualTo(200);
        assertThat(requests.body()).contains("\"tag\":\"level\"").contains("\"L1\"").contains("\"L2\"")
                .contains("\"tag\":\"region\"").contains("\"final_score\"");
        HttpResponse<String> hitRate = get("/actuator/metrics/aegis.cache.hit.rate?tag=level:overall");
        assertThat(hitRate.statusCode()).as(hitRate.body()).isEqualTo(200);
    }

    @Test
    void healthListsEverySimulatedProviderWithItsBaseUrl() throws Exception {
        JsonNode simulator = new ObjectMapper().readTree(get("/actuator/health").body())
                .path("components").path("simulator");

        assertThat(simulator.path("status").asText()).isEqualTo("UP");
        for (String service : List.of("kis", "kis-ws", "krx", "dart", "yahoo")) {
            JsonNode details = simulator.path("components").path(service).path("details");
            assertThat(details.path("address").asText()).as(service).matches("(http|ws)://127\\.0\\.0\\.1:\\d+.*");
            assertThat(details.path("mode").asText()).as(service).startsWith("simulated, faults NORMAL");
        }
    }

    @Test
    void anOperatorSwitchesASimulatedProviderToAFailureModeAndBack() throws Exception {
        HttpResponse<String> switched = post("/sim/faults?service=dart&mode=outage&amount=3");
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(switched.body()).contains("\"name\":\"dart\"").contains("\"faultMode\":\"OUTAGE\"")
                .contains("3 min of simulated time");

        HttpResponse<String> unknown = post("/sim/faults?service=bloomberg&mode=errors");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown simulated service 'bloomberg'");

        assertThat(post("/sim/faults?service=dart&mode=normal").body()).doesNotContain("OUTAGE");
    }

    @Autowired
    SimulatedProviders simulator;

    @Autowired
    KisRestClient kis;

    @Autowired
    KrxDataClient krx;

    @Autowired
    YahooChartClient yahoo;

    @Test
    void theProductionAdaptersTalkToTheSimulatedProvidersUnchanged() {
        Symbol traded = simulator.exchange().symbols().get(0);
        KisPriceQuote quote = kis.inquirePrice(traded);
        assertThat(quote.symbol()).isEqualTo(traded);
        assertThat(quote.price()).isPositive();
        assertThat(quote.upperLimit()).isGreaterThan(quote.lowerLimit());

        List<LocalDate> days = simulator.history().tradingDays();
        LocalDate previous = days.get(days.size() - 2);
        assertThat(krx.dailyPrices(previous).value()).hasSizeGreaterThan(100);
        assertThat(yahoo.dailyChart("^GSPC", previous.minusDays(30), previous).value().bars()).isNotEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void schemaIsMigratedAndASecondMigrationIsANoOp() {
        assertThat(flyway.info().current()).isNotNull();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void everyTopicExists() throws Exception {
        assertThat(kafkaAdmin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(KafkaTopics.ALL);
    }

    @Test
    void systemCheckRunsThroughTheRealTemporalEndpointAndTouchesEachComponent() throws Exception {
        String id = "system-check-" + UUID.randomUUID();
        SystemCheckWorkflow workflow = client.newWorkflowStub(SystemCheckWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.OPS).build());

        SystemCheckReport report = workflow.run(new SystemCheckRequest("from the test", 45));

        assertThat(report.healthy()).isTrue();
        assertThat(report.checkId()).isEqualTo(id);
        assertThat(report.postgres().readBack()).isEqualTo(id + ":from the test");
        assertThat(db.fetchCount(SYSTEM_CHECK, SYSTEM_CHECK.CHECK_ID.eq(id))).isEqualTo(1);
        assertThat(report.redis().ttlSecondsSeen()).isBetween(1L, 45L);
        assertThat(report.kafka().topic()).isEqualTo(KafkaTopics.SYSTEM_CHECK);

        // Keep the history of a real run: the workflows module replays such histories on every build.
        WorkflowExecutionHistory history = client.fetchHistory(id);
        Path out = Path.of("target", "histories", "system-check.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, history.toJson(true));
        assertThat(history.getEvents()).isNotEmpty();
    }

    @Test
    void aRetriedCheckReusesItsRowInsteadOfAddingOne() {
        String id = "system-check-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            client.newWorkflowStub(SystemCheckWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(id).setTaskQueue(TaskQueues.OPS).build()).run(SystemCheckRequest.defaults());
        }
        assertThat(db.fetchCount(SYSTEM_CHECK, SYSTEM_CHECK.CHECK_ID.eq(id))).isEqualTo(1);
    }
}
