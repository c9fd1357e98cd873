package com.aegis.activities.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.sources.FetchRecord;
import com.aegis.core.market.Symbol;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the local stack's PostgreSQL, migrated to the current schema. */
class DataQualityRepositoryTest {

    private static DSLContext dsl;
    private DataQualityRepository repository;
    /** Sources and batches are named per test, so tests sharing the database do not see each other's rows. */
    private String tag;

    @BeforeAll
    static void migrate() {
        DataSource dataSource = LocalStack.sharedForTests().dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @BeforeEach
    void setUp() {
        repository = new DataQualityRepository(dsl);
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String krx() {
        return "KRX_DATA_" + tag;
    }

    private String kis() {
        return "KIS_DAILY_PRICE_" + tag;
    }

    private FetchRecord fromKrx(Instant at, int attempts) {
        return new FetchRecord("DAILY_PRICE", "b-" + tag, LocalDate.of(2026, 11, 20), krx(), krx(), null, true,
                attempts, 820, 2_800, null, at);
    }

    private FetchRecord fromKis(Instant at) {
        return new FetchRecord("DAILY_PRICE", "b-" + tag, LocalDate.of(2026, 11, 20), krx(), kis(),
                "KRX_DATA failed after 4 attempt(s): connection reset", true, 5, 160_000, 2_790, null, at);
    }

    private FetchRecord failed(Instant at) {
        return new FetchRecord("DAILY_PRICE", "b-" + tag, LocalDate.of(2026, 11, 20), krx(), kis(),
                "KRX_DATA failed after 4 attempt(s): HTTP 503", false, 7, 3_000, null,
                "no daily prices: KIS_DAILY_PRICE failed after 3 tries", at);
    }

    @Test
    void fetchRecordsAreStoredAndGiveEachSourcesSuccessRateAndFreshness() {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        List<FetchRecord> records = new ArrayList<>();
        // 1,200 fetches: more than two insert batches. 1,190 from KRX, 8 fell back to KIS, 2 failed outright.
        for (int i = 0; i < 1_190; i++) {
            records.add(fromKrx(t0.plusSeconds(i), 1 + i % 2));
        }
        for (int i = 0; i < 8; i++) {
            records.add(fromKis(t0.plusSeconds(2_000 + i)));
        }
        records.add(failed(t0.plusSeconds(3_000)));
        records.add(failed(t0.plusSeconds(3_001)));

        assertThat(repository.saveFetches(records)).isEqualTo(1_200);

        Instant to = t0.plus(Duration.ofHours(2));
        List<SourceHealth> health = repository.sourceHealth(t0, to).stream()
                .filter(h -> h.source().endsWith(tag)).toList();
        assertThat(health).extracting(SourceHealth::source).containsExactly(kis(), krx());
        SourceHealth kisHealth = health.get(0);
        assertThat(kisHealth.attempted()).isEqualTo(10);
        assertThat(kisHealth.delivered()).isEqualTo(8);
        assertThat(kisHealth.latestSuccess()).contains(t0.plusSeconds(2_007));
        SourceHealth krxHealth = health.get(1);
        assertThat(krxHealth.attempted()).isEqualTo(1_200);
        assertThat(krxHealth.delivered()).isEqualTo(1_190);
        assertThat(krxHealth.successRate()).isEqualTo(1_190 / 1_200.0);
        assertThat(krxHealth.latestSuccess()).contains(t0.plusSeconds(1_189));
        assertThat(krxHealth.age(t0.plusSeconds(1_189 + 240))).contains(Duration.ofMinutes(4));

        CollectionSuccess daily = repository.collectionSuccess(t0, to).stream()
                .filter(c -> c.primarySource().equals(krx())).findFirst().orElseThrow();
        assertThat(daily.kind()).isEqualTo("DAILY_PRICE");
        assertThat(daily.fetches()).isEqualTo(1_200);
        assertThat(daily.succeeded()).isEqualTo(1_198);
        assertThat(daily.fellBack()).isEqualTo(10);
        assertThat(daily.successRate()).isGreaterThanOrEqualTo(0.995);

        // The window is half-open and only counts what fell inside it.
        List<SourceHealth> firstMinute = repository.sourceHealth(t0, t0.plusSeconds(60)).stream()
                .filter(h -> h.source().endsWith(tag)).toList();
        assertThat(firstMinute).singleElement().satisfies(h -> {
            assertThat(h.source()).isEqualTo(krx());
            assertThat(h.attempted()).isEqualTo(60);
            assertThat(h.latestSuccess()).contains(t0.plusSeconds(59));
        });
    }

    @Test
    void aSourceThatOnlyFailedHasNoFreshnessAndLastGoodIsNoSource() {
        Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
        String yahoo = "YAHOO_CHART_" + tag;
        repository.saveFetches(List.of(
                new FetchRecord("GLOBAL_INDICATOR", null, LocalDate.of(2026, 11, 20), yahoo, FetchRecord.LAST_GOOD,
                        "YAHOO_CHART failed after 4 attempt(s)", true, 4, 900, 1, null, t0),
                new FetchRecord("GLOBAL_INDICATOR", null, LocalDate.of(2026, 11, 20), yahoo, FetchRecord.LAST_GOOD,
                        "YAHOO_CHART failed after 4 attempt(s)", false, 4, 900, null, "no last good value",
                        t0.plusSeconds(1))));
        List<SourceHealth> health = repository.sourceHealth(t0, t0.plusSeconds(60)).stream()
                .filter(h -> h.source().endsWith(tag) || h.source().equals(FetchRecord.LAST_GOOD)).toList();
        assertThat(health).singleElement().satisfies(h -> {
            assertThat(h.source()).isEqualTo(yahoo);
            assertThat(h.attempted()).isEqualTo(2);
            assertThat(h.delivered()).isZero();
            assertThat(h.successRate()).isZero();
            assertThat(h.latestSuccess()).isEmpty();
            assertThat(h.age(t0)).isEmpty();
        });
        assertThatThrownBy(() -> repository.sourceHealth(t0, t0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    @Test
    void rejectedValuesAreStoredInBatchesAndReadBackAsTheyWere() {
        String batch = "collect-" + tag;
        Instant fetchedAt = Instant.parse("2026-11-20T09:05:00Z");
        List<RejectedValue> values = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            String code = String.format("%06d", i);
            values.add(new RejectedValue(batch, "DAILY_PRICE", code + "@2026-11-20", Symbol.of(code),
                    LocalDate.of(2026, 11, 20), "close", Long.toString(1_000_000L + i), QualityRule.IQR_OUTLIER,
                    "close outside the IQR fence [9,800, 10,400]", QualityAction.REJECTED, "KRX_DATA", fetchedAt));
        }
        values.add(new RejectedValue(batch, "DISCLOSURE", "20261120000123", null, null, null, null,
                QualityRule.MISSING, "stock_code missing", QualityAction.FLAGGED, "OPEN_DART", fetchedAt));

        assertThat(repository.saveRejections(values)).isEqualTo(1_002);

        List<RejectedValue> stored = repository.rejectionsOf(batch);
        assertThat(stored).hasSize(1_002);
        assertThat(stored).containsExactlyElementsOf(values);
    }

    @Test
    void aBatchTheTableRefusesIsNotStoredAtAll() {
        Instant t0 = Instant.parse("2026-11-22T09:00:00Z");
        List<FetchRecord> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            records.add(fromKrx(t0.plusSeconds(i), 1));
        }
        // source_fetch refuses an empty source name; the row sits in the second insert statement.
        records.add(new FetchRecord("DAILY_PRICE", "b-" + tag, null, "", "", null, true, 1, 5, 1, null,
                t0.plusSeconds(700)));
        assertThatThrownBy(() -> repository.saveFetches(records)).isInstanceOf(DataAccessException.class);
        assertThat(repository.sourceHealth(t0, t0.plusSeconds(3_600)))
                .noneMatch(h -> h.source().endsWith(tag));

        Instant at = Instant.parse("2026-11-20T09:05:00Z");
        assertThatThrownBy(() -> new RejectedValue("b", "daily", "k", null, null, null, null, QualityRule.RANGE,
                "r", QualityAction.REJECTED, "KRX_DATA", at)).hasMessageContaining("UPPER_SNAKE_CASE");
        assertThat(repository.saveFetches(List.of())).isZero();
        assertThat(repository.saveRejections(List.of())).isZero();
    }
}
