package com.aegis.activities.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.generator.Disclosure;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.QuarterlyStatement;
import com.aegis.marketsim.providers.OpenDartSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class OpenDartClientTest {

    private static final String KEY = SimulatedProviders.DART_KEY;
    private final LocalDate day = SimulatedProviders.lastDay();
    private final SimulatedProviders.SetClock simClock =
            new SimulatedProviders.SetClock(SimulatedProviders.kst(day, 18));
    private final Clock clientClock = Clock.fixed(SimulatedProviders.kst(day, 18), ZoneOffset.UTC);

    private OpenDartSimulator start(OpenDartSimulator.Settings settings, FaultPlan plan) {
        return OpenDartSimulator.start(SimulatedProviders.data(), settings, plan, simClock, 0);
    }

    private OpenDartSimulator start() {
        return start(OpenDartSimulator.Settings.of(KEY, 10_000), FaultPlan.none());
    }

    private OpenDartClient client(OpenDartSimulator sim, String key, int localQuota) {
        return new OpenDartClient(new ProviderSettings(sim.baseUri(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY), DartApiKey.of(key),
                new DartDailyQuota(localQuota, clientClock), SimulatedProviders.NO_WAIT);
    }

    private OpenDartClient client(OpenDartSimulator sim) {
        return client(sim, KEY, 10_000);
    }

    @Test
    void listsEveryCompanyFromTheZippedCorpCodeFileAndReadsACompany() {
        try (OpenDartSimulator sim = start()) {
            OpenDartClient dart = client(sim);
            List<DartCorp> corps = dart.corpCodes().value();
            Set<String> expected = SimulatedProviders.data().instruments().stream().map(Instrument::corpCode)
                    .collect(Collectors.toSet());
            assertThat(corps).extracting(DartCorp::corpCode).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(corps).allSatisfy(c -> assertThat(c.stockCode()).isPresent());
            Instrument first = SimulatedProviders.data().instruments().get(0);
            DartCompany company = dart.company(first.corpCode()).value().orElseThrow();
            assertThat(company.stockCode()).isEqualTo(first.symbol().code());
            assertThat(company.corpName()).isEqualTo(first.name());
            assertThat(dart.company("99999999").value()).as("013 no data").isEmpty();
        }
    }

    @Test
    void pagesThroughDisclosuresAndFindsExactlyThePublicOnes() {
        try (OpenDartSimulator sim = start()) {
            OpenDartClient dart = client(sim);
            DisclosureQuery query = DisclosureQuery.between(day.minusMonths(3), day);
            DisclosurePage page1 = dart.disclosures(query, 1, 7).value();
            assertThat(page1.disclosures()).hasSizeLessThanOrEqualTo(7);
            assertThat(page1.totalPage()).isEqualTo((page1.totalCount() + 6) / 7);
            List<DartDisclosure> all = new ArrayList<>();
            for (int p = 1; p <= page1.totalPage(); p++) {
                all.addAll(dart.disclosures(query, p, 7).value().disclosures());
            }
            long expected = SimulatedProviders.data().disclosures().stream().filter(d -> {
                LocalDate filed = d.filedAt().atZoneSameInstant(SimulatedProviders.KST).toLocalDate();
                return !filed.isBefore(day.minusMonths(3)) && !d.filedAt().toInstant().isAfter(simClock.get());
            }).count();
            assertThat(all).hasSize((int) expected).hasSize(page1.totalCount());
            assertThat(dart.allDisclosures(query).value()).extracting(DartDisclosure::rceptNo)
                    .containsExactlyElementsOf(all.stream().map(DartDisclosure::rceptNo).toList());
            Disclosure one = SimulatedProviders.data().disclosures().get(0);
            List<DartDisclosure> ofCompany = dart.allDisclosures(DisclosureQuery.between(day.minusYears(1), day)
                    .ofCompany(one.corpCode()).ofType(one.type().publicationType())).value();
            assertThat(ofCompany).isNotEmpty().allMatch(d -> d.corpCode().equals(one.corpCode()));
            assertThat(dart.disclosures(DisclosureQuery.between(day.plusDays(1), day.plusDays(2)), 1, 10).value()
                    .totalCount()).as("013 no data").isZero();
        }
    }

    @Test
    void readsFinancialStatementsWithQuarterAndYearToDateAmounts() {
        try (OpenDartSimulator sim = start()) {
            OpenDartClient dart = client(sim);
            Instrument ins = SimulatedProviders.data().instruments().get(0);
            List<QuarterlyStatement> statements = SimulatedProviders.data().statements(ins.symbol());
            QuarterlyStatement q3 = statements.stream().filter(s -> s.fiscalQuarter() == 3
                    && !s.publishedAt().toInstant().isAfter(simClock.get())).reduce((a, b) -> b).orElseThrow();
            List<FinancialStatementLine> lines = dart.financialStatements(ins.corpCode(), q3.fiscalYear(),
                    DartReportCode.Q3, "CFS").value();
            FinancialStatementLine revenue = lines.stream().filter(l -> l.accountName().equals("매출액")).findFirst()
                    .orElseThrow();
            long ytd = statements.stream().filter(s -> s.fiscalYear() == q3.fiscalYear() && s.fiscalQuarter() <= 3)
                    .mapToLong(QuarterlyStatement::revenue).sum();
            assertThat(revenue.currentAmount()).hasValue(q3.revenue());
            assertThat(revenue.currentCumulative()).hasValue(ytd);
            FinancialStatementLine equity = lines.stream().filter(l -> l.accountName().equals("자본총계")).findFirst()
                    .orElseThrow();
            assertThat(equity.currentAmount()).hasValue(q3.equity());
            assertThat(dart.financialStatements(ins.corpCode(), q3.fiscalYear(), DartReportCode.Q3, "OFS").value())
                    .as("separate statements are not filed: 013").isEmpty();
        }
    }

    @Test
    void multiCompanyRequestsAreSentInBatchesOfAHundred() {
        try (OpenDartSimulator sim = start()) {
            OpenDartClient dart = client(sim);
            List<String> codes = new ArrayList<>(SimulatedProviders.data().instruments().stream()
                    .map(Instrument::corpCode).distinct().toList());
            for (int i = 0; codes.size() < 250; i++) {
                codes.add(String.format("9%07d", i));
            }
            QuarterlyStatement any = SimulatedProviders.data().statements(
                    SimulatedProviders.data().instruments().get(0).symbol()).stream()
                    .filter(s -> s.fiscalQuarter() == 1).findFirst().orElseThrow();
            long before = sim.requestsReceived();
            Fetched<List<FinancialStatementLine>> lines = dart.mainAccounts(codes, any.fiscalYear(),
                    DartReportCode.Q1);
            assertThat(sim.requestsReceived() - before).isEqualTo(3);
            assertThat(lines.attempts()).isEqualTo(3);
            assertThat(lines.value()).isNotEmpty();
            assertThatThrownBy(() -> dart.mainAccountsBatch(codes.subList(0, 101), any.fiscalYear(),
                    DartReportCode.Q1)).isInstanceOfSatisfying(SourceRejectedException.class,
                            e -> assertThat(e.providerCode()).isEqualTo("021"));
        }
    }

    @Test
    void everyStatusCodeMapsToItsTypedError() {
        OpenDartSimulator.Settings settings = new OpenDartSimulator.Settings(Set.of(KEY, "suspended-key"),
                Set.of("suspended-key"), 10_000);
        try (OpenDartSimulator sim = start(settings, FaultPlan.none())) {
            assertThatThrownBy(() -> client(sim, "unregistered-key", 100).company("00000001"))
                    .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                        assertThat(e.providerCode()).isEqualTo("010");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
            assertThatThrownBy(() -> client(sim, "suspended-key", 100).corpCodes())
                    .isInstanceOfSatisfying(SourceRejectedException.class,
                            e -> assertThat(e.providerCode()).isEqualTo("011"));
            assertThatThrownBy(() -> client(sim).disclosures(DisclosureQuery.between(day.minusYears(1), day), 1, 10))
                    .as("100: a search without a company over more than three months")
                    .isInstanceOfSatisfying(SourceRejectedException.class,
                            e -> assertThat(e.providerCode()).isEqualTo("100"));
            sim.setMaintenance(true);
            OpenDartClient dart = client(sim);
            assertThatThrownBy(() -> dart.company("00000001"))
                    .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                        assertThat(e.getMessage()).contains("800");
                        assertThat(e.attempts()).isEqualTo(4);
                    });
            sim.setMaintenance(false);
        }
        FaultPlan broken = new FaultPlan(5, new FaultRule(LatencyDistribution.NONE, 1, 0, 0, Duration.ZERO),
                List.of(), List.of());
        try (OpenDartSimulator sim = start(OpenDartSimulator.Settings.of(KEY, 100), broken)) {
            assertThatThrownBy(() -> client(sim).company("00000001"))
                    .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("900");
        }
        FaultPlan garbled = new FaultPlan(5, new FaultRule(LatencyDistribution.NONE, 0, 1, 0, Duration.ZERO),
                List.of(), List.of());
        try (OpenDartSimulator sim = start(OpenDartSimulator.Settings.of(KEY, 100), garbled)) {
            OpenDartClient dart = client(sim);
            assertThatThrownBy(dart::corpCodes).isInstanceOf(SourceProtocolException.class)
                    .hasMessageContaining("CORPCODE.xml");
            assertThatThrownBy(() -> dart.company("00000001")).isInstanceOf(SourceProtocolException.class)
                    .hasMessageContaining("not JSON");
            assertThat(dart.stats().protocolErrors()).isEqualTo(8);
        }
    }

    @Test
    void theProviders020BecomesAQuotaErrorAndLaterCallsAreRefusedLocally() {
        try (OpenDartSimulator sim = start(OpenDartSimulator.Settings.of(KEY, 3), FaultPlan.none())) {
            OpenDartClient dart = client(sim, KEY, 100);
            String corp = SimulatedProviders.data().instruments().get(0).corpCode();
            for (int i = 0; i < 3; i++) {
                assertThat(dart.company(corp).value()).isPresent();
            }
            assertThatThrownBy(() -> dart.company(corp))
                    .isInstanceOfSatisfying(SourceQuotaExceededException.class, e -> {
                        assertThat(e.refusedLocally()).isFalse();
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.resetsOn()).isEqualTo(day.plusDays(1));
                    });
            long sent = sim.requestsReceived();
            assertThatThrownBy(() -> dart.company(corp)).isInstanceOfSatisfying(SourceQuotaExceededException.class,
                    e -> assertThat(e.refusedLocally()).isTrue());
            assertThat(sim.requestsReceived()).isEqualTo(sent);
        }
    }

    @Test
    void theLocalQuotaRefusesBeforeTheProviderWouldAnd020NeverHappens() {
        try (OpenDartSimulator sim = start(OpenDartSimulator.Settings.of(KEY, 5), FaultPlan.none())) {
            OpenDartClient dart = client(sim, KEY, 5);
            String corp = SimulatedProviders.data().instruments().get(0).corpCode();
            for (int i = 0; i < 5; i++) {
                dart.company(corp);
            }
            assertThat(dart.quota().remaining(DartApiKey.of(KEY))).isZero();
            assertThatThrownBy(() -> dart.company(corp)).isInstanceOfSatisfying(SourceQuotaExceededException.class,
                    e -> {
                        assertThat(e.refusedLocally()).isTrue();
                        assertThat(e.getMessage()).contains("quota of 5").doesNotContain(KEY);
                    });
            assertThat(sim.callsCounted(KEY, day)).isEqualTo(5);
        }
    }

    @Test
    void theQuotaCountsPerKeyAndStartsAfreshOnTheNextKstDay() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> t =
                new java.util.concurrent.atomic.AtomicReference<>(SimulatedProviders.kst(day, 23));
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return t.get();
            }
        };
        DartDailyQuota quota = new DartDailyQuota(2, moving);
        DartApiKey a = DartApiKey.of("key-a");
        DartApiKey b = DartApiKey.of("key-b");
        quota.acquire(a);
        quota.acquire(a);
        quota.acquire(b);
        assertThatThrownBy(() -> quota.acquire(a)).isInstanceOf(SourceQuotaExceededException.class);
        t.set(SimulatedProviders.kst(day.plusDays(1), 0).plusSeconds(1));
        quota.acquire(a);
        assertThat(quota.used(a)).isEqualTo(1);
        assertThat(quota.today()).isEqualTo(day.plusDays(1));
    }

    @Test
    void theKeyComesOnlyFromTheEnvironmentOrASecretFileAndIsNeverLoggedOrShown(@TempDir Path dir)
            throws Exception {
        Path secret = dir.resolve("dart.key");
        Files.writeString(secret, KEY + "\n");
        assertThat(DartApiKey.fromEnvironment(Map.of(DartApiKey.ENV_KEY_FILE, secret.toString())))
                .isEqualTo(DartApiKey.of(KEY));
        assertThat(DartApiKey.fromEnvironment(Map.of(DartApiKey.ENV_KEY, KEY))).isEqualTo(DartApiKey.of(KEY));
        assertThatThrownBy(() -> DartApiKey.fromEnvironment(Map.of())).hasMessageContaining(DartApiKey.ENV_KEY)
                .hasMessageContaining(DartApiKey.ENV_KEY_FILE);
        assertThat(DartApiKey.of(KEY).toString()).doesNotContain(KEY);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.ALL);
        List<Throwable> errors = new ArrayList<>();
        Consumer<Runnable> collect = r -> {
            try {
                r.run();
            } catch (SourceException e) {
                errors.add(e);
            }
        };
        FaultPlan flaky = new FaultPlan(9, new FaultRule(LatencyDistribution.NONE, 0.5, 0.3, 0, Duration.ZERO),
                List.of(), List.of());
        try (OpenDartSimulator sim = start(OpenDartSimulator.Settings.of(KEY, 6), flaky)) {
            OpenDartClient dart = client(sim);
            for (int i = 0; i < 6; i++) {
                collect.accept(() -> dart.company("00000001"));
                collect.accept(dart::corpCodes);
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(level);
        }
        assertThat(errors).isNotEmpty();
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent e : captured.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(KEY);
            if (e.getThrowableProxy() != null) {
                assertThat(e.getThrowableProxy().getMessage()).doesNotContain(KEY);
            }
        }
        for (Throwable t : errors) {
            assertThat(t.getMessage()).doesNotContain(KEY);
        }
    }
}
