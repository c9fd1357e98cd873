package com.aegis.activities.kis.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aegis.core.market.Side;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.aegis.marketsim.kis.rest.KisDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KisSecretsTest {

    @TempDir
    Path cacheDir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(previousLevel);
    }

    @Test
    void credentialsAndTokensNeverReachLogsOrExceptionMessages() throws Exception {
        List<String> texts = new ArrayList<>();
        String token;
        try (SimulatedKis kis = new SimulatedKis(KisDomain.LIVE, 20, (op, time, seq) ->
                op.equals("inquire-asking-price-exp-ccn")
                        ? new FaultDecision(FaultOutcome.MALFORMED, Duration.ZERO, Duration.ZERO)
                        : op.equals("inquire-psbl-order")
                        ? new FaultDecision(FaultOutcome.ERROR, Duration.ZERO, Duration.ZERO)
                        : FaultDecision.CLEAN)) {
            KisRestClient client = kis.client(cacheDir, 20);
            token = client.accessToken().value();
            client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 70_000, 3));
            client.balance();
            client.dailyOrders(java.time.LocalDate.of(2026, 3, 3), java.time.LocalDate.of(2026, 3, 3));
            client.approvalKey();
            collect(texts, () -> client.placeOrder(KisCashOrder.limit(SimulatedKis.SAMSUNG, Side.BUY, 70_000, 9_999)));
            collect(texts, () -> client.inquireAskingPrice(SimulatedKis.SAMSUNG));
            collect(texts, () -> client.buyingPower(SimulatedKis.SAMSUNG, KisOrderType.LIMIT, 70_000));
            KisRestClient wrongSecret = kis.client(kis.environment, new KisCredentials(SimulatedKis.APP_KEY,
                            "anotherSecretValue77", SimulatedKis.ACCOUNT_NO, "01"),
                    kis.cache(cacheDir.resolve("other")), 20, KisClientSettings.defaults());
            collect(texts, wrongSecret::accessToken);
            texts.add(SimulatedKis.credentials().toString());
            texts.add(client.accessToken().toString());
        }
        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(event.getThrowableProxy().getMessage());
            }
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(texts).hasSizeGreaterThan(5).allSatisfy(text -> assertThat(text)
                .doesNotContain(SimulatedKis.APP_KEY)
                .doesNotContain(SimulatedKis.APP_SECRET)
                .doesNotContain("anotherSecretValue77")
                .doesNotContain(SimulatedKis.ACCOUNT_NO)
                .doesNotContain(token));
    }

    @Test
    void credentialsLoadFromTheEnvironmentOrASecretFileAndPrintMasked() throws Exception {
        KisCredentials fromEnv = KisCredentials.load(Map.of("KIS_APP_KEY", "PSenvKey123", "KIS_APP_SECRET",
                "envSecret456", "KIS_ACCOUNT_NO", "50098765-01"));
        assertThat(fromEnv.accountNumber()).isEqualTo("50098765");
        assertThat(fromEnv.productCode()).isEqualTo("01");
        assertThat(fromEnv.toString()).doesNotContain("PSenvKey123").doesNotContain("envSecret456")
                .doesNotContain("50098765").contains("******65-01");

        Path secretFile = cacheDir.resolve("kis.properties");
        Files.writeString(secretFile, "KIS_APP_KEY=PSfileKey\nKIS_APP_SECRET=fileSecret\nKIS_ACCOUNT_NO=5009876522\n");
        KisCredentials fromFile = KisCredentials.load(Map.of("KIS_SECRET_FILE", secretFile.toString()));
        assertThat(fromFile.appKey()).isEqualTo("PSfileKey");
        assertThat(fromFile.productCode()).isEqualTo("22");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KisCredentials.load(Map.of("KIS_APP_KEY", "k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KIS_APP_SECRET");
    }

    private static void collect(List<String> texts, Runnable call) {
        try {
            call.run();
            texts.add("no error");
        } catch (KisException e) {
            texts.add(e.getMessage());
            texts.add(String.valueOf(e));
        }
    }
}
