package com.aegis.marketsim.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KisWebSocketSimulatorTest {

    private static final String APPROVAL = "approval-key-1";
    private static final Instant NOW = Instant.parse("2026-11-24T00:30:15Z");
    private final ObjectMapper json = new ObjectMapper();
    private final ScriptedRealtimeFeed feed = new ScriptedRealtimeFeed();
    private final InMemoryApprovalKeys keys = new InMemoryApprovalKeys();
    private KisWebSocketSimulator simulator;

    @BeforeEach
    void start() {
        keys.register(APPROVAL, "app-key-1");
        keys.register("approval-key-2", "app-key-1");
        simulator = KisWebSocketSimulator.start(KisWebSocketSettings.localDefaults(() -> NOW), keys, feed);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode subscribe(RawKisSocket socket, String trId, String trKey) throws Exception {
        socket.send(RawKisSocket.registration(APPROVAL, "1", trId, trKey));
        return json.readTree(socket.nextNonPing());
    }

    @Test
    void registrationIsAnsweredAndTradesArriveAsCaretSeparatedFrames() throws Exception {
        try (RawKisSocket socket = new RawKisSocket(URI.create(simulator.endpoint() + "/H0STCNT0"))) {
            JsonNode reply = subscribe(socket, "H0STCNT0", "005930");
            assertThat(reply.at("/header/tr_id").asText()).isEqualTo("H0STCNT0");
            assertThat(reply.at("/header/tr_key").asText()).isEqualTo("005930");
            assertThat(reply.at("/header/encrypt").asText()).isEqualTo("N");
            assertThat(reply.at("/body/rt_cd").asText()).isEqualTo("0");
            assertThat(reply.at("/body/msg_cd").asText()).isEqualTo("OPSP0000");
            assertThat(reply.at("/body/msg1").asText()).isEqualTo("SUBSCRIBE SUCCESS");
            assertThat(reply.at("/body/output/key").asText()).hasSize(32);
            assertThat(reply.at("/body/output/iv").asText()).hasSize(16);

            feed.publishTrades(RealtimeSamples.trade("005930", 71000), RealtimeSamples.trade("000660", 1),
                    RealtimeSamples.trade("005930", 71100));
            String frame = socket.nextNonPing();
            String[] parts = frame.split("\\|", 4);
            assertThat(parts[0]).isEqualTo("0");
            assertThat(parts[1]).isEqualTo("H0STCNT0");
            assertThat(parts[2]).isEqualTo("002");
            String[] fields = parts[3].split("\\^", -1);
            assertThat(fields).hasSize(92);
            assertThat(fields[0]).isEqualTo("005930");
            assertThat(fields[1]).isEqualTo("093015");
            assertThat(fields[2]).isEqualTo("71000");
            assertThat(fields[33]).isEqualTo("20261124");
            assertThat(fields[46]).isEqualTo("005930");
            assertThat(fields[48]).isEqualTo("71100");
        }
    }

    @Test
    void theFortyFirstRegistrationIsRefusedAndDuplicatesAreReported() throws Exception {
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            for (int i = 0; i < 40; i++) {
                String trId = i % 2 == 0 ? "H0STCNT0" : "H0STASP0";
                assertThat(subscribe(socket, trId, String.format("%06d", i / 2)).at("/body/rt_cd").asText())
                        .isEqualTo("0");
            }
            JsonNode over = subscribe(socket, "H0STCNT0", "999999");
            assertThat(over.at("/body/msg_cd").asText()).isEqualTo("OPSP0008");
            assertThat(over.at("/body/msg1").asText()).isEqualTo("MAX SUBSCRIBE OVER");
            assertThat(simulator.registrationsOf("app-key-1")).hasSize(40);

            JsonNode again = subscribe(socket, "H0STCNT0", "000000");
            assertThat(again.at("/body/msg1").asText()).isEqualTo("ALREADY IN SUBSCRIBE");

            socket.send(RawKisSocket.registration(APPROVAL, "2", "H0STCNT0", "000000"));
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg1").asText()).isEqualTo("UNSUBSCRIBE SUCCESS");
            assertThat(subscribe(socket, "H0STCNT0", "999999").at("/body/rt_cd").asText()).isEqualTo("0");
        }
    }

    @Test
    void invalidMessagesGetKisErrorCodes() throws Exception {
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            socket.send(RawKisSocket.registration("no-such-key", "1", "H0STCNT0", "005930"));
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg_cd").asText()).isEqualTo("OPSP0011");
            socket.send("not json");
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg_cd").asText()).isEqualTo("OPSP9999");
            socket.send(RawKisSocket.registration(APPROVAL, "1", "H0XXXXX0", "005930"));
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg_cd").asText()).isEqualTo("OPSP8991");
            socket.send(RawKisSocket.registration(APPROVAL, "1", "H0STCNT0", "5930"));
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg_cd").asText()).isEqualTo("OPSP8992");
            socket.send(RawKisSocket.registration(APPROVAL, "7", "H0STCNT0", "005930"));
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg_cd").asText()).isEqualTo("OPSP8997");
            socket.send(RawKisSocket.registration(APPROVAL, "2", "H0STCNT0", "005930"));
            assertThat(json.readTree(socket.nextNonPing()).at("/body/msg_cd").asText()).isEqualTo("OPSP0003");
        }
    }

    @Test
    void aSecondSessionForTheSameAppKeyIsRefusedAndClosed() throws Exception {
        try (RawKisSocket first = new RawKisSocket(simulator.endpoint());
             RawKisSocket second = new RawKisSocket(simulator.endpoint())) {
            assertThat(subscribe(first, "H0STCNT0", "005930").at("/body/rt_cd").asText()).isEqualTo("0");
            second.send(RawKisSocket.registration("approval-key-2", "1", "H0STCNT0", "005930"));
            JsonNode refused = json.readTree(second.nextNonPing());
            assertThat(refused.at("/body/msg_cd").asText()).isEqualTo("OPSP8996");
            assertThat(refused.at("/body/msg1").asText()).isEqualTo("ALREADY IN USE appkey");
            second.closed.get(5, TimeUnit.SECONDS);

            feed.publishTrades(RealtimeSamples.trade("005930", 71000));
            assertThat(first.nextNonPing()).startsWith("0|H0STCNT0|001|005930^");
        }
    }

    @Test
    void fillNoticesAreEncryptedWithTheKeyOfTheSubscriptionReply() throws Exception {
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            JsonNode reply = subscribe(socket, "H0STCNI9", "hts-user");
            assertThat(reply.at("/header/encrypt").asText()).isEqualTo("Y");
            feed.publishFillNotices(RealtimeSamples.fill("someone-else", "005930"),
                    RealtimeSamples.fill("hts-user", "005930"));
            String[] parts = socket.nextNonPing().split("\\|", 4);
            assertThat(parts[0]).isEqualTo("1");
            assertThat(parts[1]).isEqualTo("H0STCNI9");
            assertThat(parts[2]).isEqualTo("001");
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(reply.at("/body/output/key").asText()
                    .getBytes(StandardCharsets.US_ASCII), "AES"), new IvParameterSpec(reply.at("/body/output/iv")
                    .asText().getBytes(StandardCharsets.US_ASCII)));
            String plain = new String(cipher.doFinal(Base64.getDecoder().decode(parts[3])), StandardCharsets.UTF_8);
            String[] fields = plain.split("\\^", -1);
            assertThat(fields).hasSize(26);
            assertThat(fields[0]).isEqualTo("hts-user");
            assertThat(fields[8]).isEqualTo("005930");
            assertThat(fields[13]).isEqualTo("2");
            assertThat(fields[17]).isEqualTo("홍길동");
        }
    }

    @Test
    void pingPongsGoOutOnScheduleAndPongsAreCounted() throws Exception {
        simulator.close();
        simulator = KisWebSocketSimulator.start(KisWebSocketSettings.localDefaults(() -> NOW)
                .withPingInterval(Duration.ofMillis(100)), keys, feed);
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            String ping = socket.next();
            JsonNode node = json.readTree(ping);
            assertThat(node.at("/header/tr_id").asText()).isEqualTo("PINGPONG");
            assertThat(node.at("/header/datetime").asText()).isEqualTo("20261124093015");
            socket.pong(ping);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> simulator.pingPongAnswers() == 1);
        }
    }

    @Test
    void unansweredPingPongsCloseTheSession() throws Exception {
        simulator.close();
        simulator = KisWebSocketSimulator.start(KisWebSocketSettings.localDefaults(() -> NOW)
                .withPingInterval(Duration.ofMillis(50)).withMaxUnansweredPings(2), keys, feed);
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            assertThat(socket.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void droppedConnectionsAndFaultsReachTheClient() throws Exception {
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            subscribe(socket, "H0STCNT0", "005930");
            simulator.setFaultHook((tr, key, seq) -> new com.aegis.marketsim.fault.FaultDecision(
                    com.aegis.marketsim.fault.FaultOutcome.MALFORMED, Duration.ZERO, Duration.ZERO));
            feed.publishTrades(RealtimeSamples.trade("005930", 71000));
            assertThat(socket.nextNonPing()).isEqualTo("0|H0STCNT0|001|corrupted^payload");
            simulator.sendRawToAll("garbage");
            assertThat(socket.nextNonPing()).isEqualTo("garbage");
            simulator.dropAllConnections();
            socket.closed.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFaultPlanLosesFramesAndItsOutageWindowDropsTheConnection() throws Exception {
        try (RawKisSocket socket = new RawKisSocket(simulator.endpoint())) {
            subscribe(socket, "H0STCNT0", "005930");
            subscribe(socket, "H0STASP0", "005930");
            simulator.setFaultHook(RealtimeFaultHook.fromPlan(com.aegis.marketsim.fault.FaultPlan.fromJson(
                    "{\"seed\": 1, \"rules\": [{\"service\": \"kis-ws\", \"operation\": \"H0STCNT0\","
                            + " \"fault\": {\"errorRate\": 1.0}}]}"), () -> NOW));
            feed.publishTrades(RealtimeSamples.trade("005930", 71000));
            feed.publishBooks(RealtimeSamples.book("005930"));
            assertThat(socket.nextNonPing()).startsWith("0|H0STASP0|001|005930^093016^0^71100^");
            assertThat(simulator.dataFramesSent()).isEqualTo(1);

            simulator.setFaultHook(RealtimeFaultHook.fromPlan(com.aegis.marketsim.fault.FaultPlan.fromJson(
                    "{\"seed\": 1, \"outages\": [{\"service\": \"kis-ws\", \"operation\": \"*\","
                            + " \"from\": \"2026-11-24T00:00:00Z\", \"to\": \"2026-11-24T01:00:00Z\"}]}"),
                    () -> NOW));
            feed.publishBooks(RealtimeSamples.book("005930"));
            socket.closed.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherPathsAreNotServed() {
        assertThatThrownBy(() -> new RawKisSocket(URI.create("ws://127.0.0.1:" + simulator.port() + "/other")))
                .isInstanceOf(CompletionException.class);
    }
}
