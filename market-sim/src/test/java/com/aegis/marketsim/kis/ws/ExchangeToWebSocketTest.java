package com.aegis.marketsim.kis.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import com.aegis.marketsim.exchange.AccountId;
import com.aegis.marketsim.exchange.ClientOrderKey;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeSimulator;
import com.aegis.marketsim.exchange.NewOrder;
import com.aegis.marketsim.exchange.SimulatorSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The simulated exchange's own trades, books and fills, streamed over the simulated KIS WebSocket. */
class ExchangeToWebSocketTest {

    private static final Symbol SAMSUNG = Symbol.of("005930");
    private static final AccountId ALICE = new AccountId("ALICE");
    private static final AccountId BOB = new AccountId("BOB");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMatchedOrderReachesSubscribersAsBookTradeAndEncryptedFillNotices() throws Exception {
        SimulationClock clock = SimulationClock.stepped(LocalDate.of(2026, 11, 24).atTime(8, 0)
                .atZone(ZoneId.of("Asia/Seoul")).toInstant());
        ExchangeSimulator exchange = new ExchangeSimulator(clock, SimulatorSettings.withoutParticipants(1));
        List<DayPlan> plans = List.of(
                new DayPlan(SAMSUNG, Market.KOSPI, true, 10_000, 10_000, 10_500, 9_800, 10_200, 100_000, false));
        ExchangeRealtimeFeed feed = new ExchangeRealtimeFeed(plans, account -> account.equals(ALICE)
                ? Optional.of(new KisAccountLink("alice-hts", "5012345601", "앨리스")) : Optional.empty());
        exchange.addListener(feed);
        exchange.openDay(LocalDate.of(2026, 11, 24), plans);
        exchange.openAccount(ALICE, 10_000_000);
        exchange.openAccount(BOB, 10_000_000);
        exchange.setHolding(BOB, SAMSUNG, 100);
        exchange.runUntil(LocalTime.of(9, 1));

        InMemoryApprovalKeys keys = new InMemoryApprovalKeys();
        keys.register("approval", "app");
        try (KisWebSocketSimulator server = KisWebSocketSimulator.start(
                KisWebSocketSettings.localDefaults(clock::now), keys, feed);
             RawKisSocket socket = new RawKisSocket(server.endpoint())) {
            socket.send(RawKisSocket.registration("approval", "1", "H0STCNT0", "005930"));
            socket.nextNonPing();
            socket.send(RawKisSocket.registration("approval", "1", "H0STASP0", "005930"));
            socket.nextNonPing();
            socket.send(RawKisSocket.registration("approval", "1", "H0STCNI0", "alice-hts"));
            JsonNode fillReply = json.readTree(socket.nextNonPing());

            exchange.submit(NewOrder.limit(new ClientOrderKey("bob-1"), BOB, SAMSUNG, Side.SELL, 10_100, 5));
            exchange.submit(NewOrder.limit(new ClientOrderKey("alice-1"), ALICE, SAMSUNG, Side.BUY, 10_100, 5));

            List<String> frames = new ArrayList<>();
            while (frames.stream().noneMatch(f -> f.startsWith("0|H0STCNT0"))
                    || frames.stream().filter(f -> f.startsWith("1|H0STCNI0")).count() < 2) {
                frames.add(socket.nextNonPing());
            }
            String book = frames.stream().filter(f -> f.startsWith("0|H0STASP0")).findFirst().orElseThrow();
            assertThat(book.split("\\|")[3].split("\\^")[3]).isEqualTo("10100");

            String[] trade = frames.stream().filter(f -> f.startsWith("0|H0STCNT0")).findFirst().orElseThrow()
                    .split("\\|")[3].split("\\^", -1);
            assertThat(trade).hasSize(46);
            assertThat(trade[0]).isEqualTo("005930");
            assertThat(trade[2]).isEqualTo("10100");
            assertThat(trade[3]).isEqualTo("2");
            assertThat(trade[4]).isEqualTo("100");
            assertThat(trade[12]).isEqualTo("5");
            assertThat(trade[21]).isEqualTo("1");

            List<String[]> notices = frames.stream().filter(f -> f.startsWith("1|H0STCNI0"))
                    .map(f -> decrypt(fillReply, f.split("\\|")[3]).split("\\^", -1)).toList();
            assertThat(notices.get(0)[13]).isEqualTo("1");
            assertThat(notices.get(1)[13]).isEqualTo("2");
            assertThat(notices.get(1)[0]).isEqualTo("alice-hts");
            assertThat(notices.get(1)[4]).isEqualTo("02");
            assertThat(notices.get(1)[9]).isEqualTo("5");
            assertThat(notices.get(1)[10]).isEqualTo("10100");
        }
    }

    private static String decrypt(JsonNode reply, String base64) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(reply.at("/body/output/key").asText()
                    .getBytes(StandardCharsets.US_ASCII), "AES"), new IvParameterSpec(reply.at("/body/output/iv")
                    .asText().getBytes(StandardCharsets.US_ASCII)));
            return new String(cipher.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError("fill notice does not decrypt with the subscription key", e);
        }
    }
}
