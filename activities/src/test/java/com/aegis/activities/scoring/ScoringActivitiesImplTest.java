package com.aegis.activities.scoring;

import com.aegis.activities.testing.MutableClock;
import static com.aegis.db.jooq.Tables.FACTOR_VALUE;
import static com.aegis.db.jooq.Tables.FACTOR_WEIGHT;
import static com.aegis.db.jooq.Tables.MARKET_REGIME_DAILY;
import static com.aegis.db.jooq.Tables.QUANT_SCORE_DAILY;
import static com.aegis.db.jooq.Tables.REBALANCE_TARGET;
import static com.aegis.db.jooq.Tables.SCORE_DAILY;
import static com.aegis.db.jooq.Tables.SCREENING_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.aegis.activities.cache.CacheRegion;
import com.aegis.activities.testing.TestMarket;
import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCategory;
import com.aegis.core.factors.PointInTime;
import com.aegis.core.scoring.FactorContribution;
import com.aegis.core.scoring.MarketRegime;
import com.aegis.core.scoring.Recommendation;
import com.aegis.core.scoring.RegimeWeights;
import com.aegis.core.scoring.ScoreExplanation;
import com.aegis.core.scoring.ScoreMapping;
import com.aegis.db.jooq.tables.records.ScoreDailyRecord;
import com.aegis.localstack.KafkaTopics;
import com.aegis.localstack.LocalStack;
import com.aegis.workflows.scoring.FinalRequest;
import com.aegis.workflows.scoring.FinalSummary;
import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.QuantRequest;
import com.aegis.workflows.scoring.QuantSummary;
import com.aegis.workflows.scoring.RebalancePlan;
import com.aegis.workflows.scoring.ScoreLine;
import com.aegis.workflows.scoring.ScreeningSummary;
import com.aegis.workflows.scoring.WatchlistPublication;
import com.aegis.workflows.scoring.WatchlistRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoring stages against the local stack's PostgreSQL and Kafka, on the shared 300-stock test market. Only dates
 * before {@link TestMarket#COLLECTION_FROM} are scored. The rows this class adds to the market (three boundary
 * instruments listed only until 2026-11-14, a halt and an administrative designation on 2026-11-12) are removed
 * afterwards.
 */
class ScoringActivitiesImplTest {

    /** Friday: quant-only final scores. */
    private static final LocalDate D1 = LocalDate.of(2026, 11, 13);
    /** Thursday: final scores with an AI part; a halt and a designation are in force. */
    private static final LocalDate D2 = LocalDate.of(2026, 11, 12);
    /** Before 08:30 KST of D1. */
    private static final Instant SCORED_AT = Instant.parse("2026-11-12T23:20:00Z");
    private static final String QUANT_ONLY = "AI models disabled by the operator; quant-only scores";

    private static final String EXACTLY_ONE_BILLION = "990010";
    private static final String JUST_ABOVE_ONE_BILLION = "990020";
    private static final String EXACTLY_FIFTY_BILLION_CAP = "990030";
    private static final List<String> TEST_INSTRUMENTS = List.of(EXACTLY_ONE_BILLION, JUST_ABOVE_ONE_BILLION,
            EXACTLY_FIFTY_BILLION_CAP);

    private static HikariDataSource pool;
    private static DSLContext dsl;
    private static KafkaProducer<String, String> producer;
    private static InMemoryAnalyticsCache cache;
    private static MutableClock clock;
    private static ScoringActivitiesImpl scoring;
    private static String halted;
    private static String administrative;

    @BeforeAll
    static void setUp() {
        TestMarket.history();
        LocalStack stack = LocalStack.sharedForTests();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(stack.jdbcUrl());
        config.setUsername(stack.jdbcUser());
        config.setPassword(stack.jdbcPassword());
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        dsl = DSL.using(pool, SQLDialect.POSTGRES);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        cache = new InMemoryAnalyticsCache();
        clock = new MutableClock(SCORED_AT);
        scoring = new ScoringActivitiesImpl(dsl, ScoringSettings.defaults(), clock, producer, cache);
        addBoundaryInstruments();
        // The two most liquid stocks before D2 are halted / designated on D2 only.
        List<String> liquid = dsl.fetch("""
                select symbol from daily_bar where trade_date between ? and ?
                and symbol not like '9900%' group by symbol order by avg(traded_value) desc limit 2""",
                D2.minusDays(30), D2.minusDays(1)).map(r -> r.get(0, String.class).trim());
        halted = liquid.get(0);
        administrative = liquid.get(1);
        dsl.execute("""
                insert into instrument_status_event (symbol, status_kind, effective_from, effective_to, reason, source)
                values (?, 'TRADING_HALT', ?, ?, 'test: trading halted pending disclosure', 'TEST'),
                       (?, 'ADMINISTRATIVE_ISSUE', ?, ?, 'test: designated administrative issue', 'TEST')
                on conflict do nothing""", halted, D2, D2, administrative, D2, D2);
    }

    /** Three new listings (2026-09-01, delisted 2026-11-14) with traded values and sizes right at the thresholds. */
    private static void addBoundaryInstruments() {
        dsl.execute("""
                insert into instrument (symbol, name, market, security_type, listed_shares, listed_on, delisted_on)
                values ('990010', 'Boundary traded value', 'KOSDAQ', 'COMMON', 10000000, '2026-09-01', '2026-11-14'),
                       ('990020', 'Above traded value', 'KOSDAQ', 'COMMON', 10000000, '2026-09-01', '2026-11-14'),
                       ('990030', 'Boundary market cap', 'KOSDAQ', 'COMMON', 5000000, '2026-09-01', '2026-11-14')
                on conflict (symbol) do nothing""");
        dsl.execute("""
                insert into daily_bar (symbol, trade_date, base_price, open, high, low, close, volume, traded_value,
                                       market_cap, source)
                select s.symbol, c.trade_date, 10000, 10000, 10000, 10000, 10000, s.traded / 10000, s.traded, s.cap,
                       'TEST'
                from trading_calendar c
                cross join (values ('990010', 1000000000::bigint, null::bigint),
                                   ('990020', 1000000001::bigint, 100000000000::bigint),
                                   ('990030', 2000000000::bigint, null::bigint)) as s(symbol, traded, cap)
                where c.is_trading_day and c.trade_date between '2026-09-01' and '2026-11-13'
                on conflict do nothing""");
    }

    @AfterAll
    static void tearDown() {
        try {
            dsl.execute("delete from instrument_status_event where source = 'TEST' and symbol in (?, ?)", halted,
                    administrative);
            for (var table : List.of(REBALANCE_TARGET, SCORE_DAILY, QUANT_SCORE_DAILY, FACTOR_VALUE,
                    SCREENING_RESULT)) {
                dsl.execute("delete from " + table.getName() + " where symbol in ('990010', '990020', '990030')");
            }
            dsl.execute("delete from daily_bar where symbol in ('990010', '990020', '990030')");
            dsl.execute("delete from instrument where symbol in ('990010', '990020', '990030')");
        } finally {
            producer.close();
            pool.close();
        }
    }

    private static <T> T timed(String stage, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        System.out.printf("%-28s %6.1f ms%n", stage, (System.nanoTime() - started) / 1e6);
        return result;
    }

    private static QuantSummary screenAndQuant(LocalDate date) {
        ScreeningSummary screened = scoring.screen(date);
        return scoring.scoreQuant(new QuantRequest(date, screened.passed()));
    }

    private static int count(String sql, Object... bindings) {
        return dsl.fetchOne(sql, bindings).get(0, Integer.class);
    }

    // ------------------------------------------------------------------ A1

    @Test
    void everyListedCommonStockGetsOneVerdictAndTheCountsAddUp() {
        ScreeningSummary summary = timed("screen 300-stock market", () -> scoring.screen(D2));

        int listedCommon = count("""
                select count(*) from instrument where security_type = 'COMMON' and listed_on <= ?
                and (delisted_on is null or delisted_on > ?)""", D2, D2);
        assertThat(summary.universe()).isEqualTo(listedCommon).isGreaterThan(280);
        assertThat(count("select count(*) from screening_result where trade_date = ?", D2)).isEqualTo(listedCommon);
        assertThat(count("select count(*) from screening_result r join instrument i using (symbol) "
                + "where r.trade_date = ? and i.security_type <> 'COMMON'", D2)).isZero();
        int excluded = summary.excludedByFirst().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(summary.passed().size() + excluded).isEqualTo(summary.universe());
        assertThat(count("select count(*) from screening_result where trade_date = ? and passed", D2))
                .isEqualTo(summary.passed().size());
        assertThat(summary.passed()).hasSizeGreaterThan(50).isSorted();
        assertThat(scoring.screenedSymbols(D2)).isEqualTo(summary.passed());
        for (String reason : summary.excludedByFirst().keySet()) {
            assertThat(summary.excludedByAny().get(reason)).isGreaterThanOrEqualTo(
                    summary.excludedByFirst().get(reason));
        }

        assertThat(verdict(halted, D2).get(SCREENING_RESULT.EXCLUSION_REASON)).isEqualTo("HALTED");
        assertThat(verdict(halted, D2).get(SCREENING_RESULT.DETAIL)).contains("trading halted");
        assertThat(verdict(administrative, D2).get(SCREENING_RESULT.EXCLUSION_REASON))
                .isEqualTo("ADMINISTRATIVE_DESIGNATION");
        assertThat(summary.excludedByFirst()).containsEntry("HALTED", 1).containsEntry("ADMINISTRATIVE_DESIGNATION", 1);

        Record exactlyOneBillion = verdict(EXACTLY_ONE_BILLION, D2);
        assertThat(exactlyOneBillion.get(SCREENING_RESULT.PASSED)).isFalse();
        assertThat(exactlyOneBillion.get(SCREENING_RESULT.EXCLUSION_REASON)).isEqualTo("LOW_TRADED_VALUE");
        assertThat(exactlyOneBillion.get(SCREENING_RESULT.AVG_TRADED_VALUE)).isEqualTo(1_000_000_000L);
        assertThat(exactlyOneBillion.get(SCREENING_RESULT.MARKET_CAP)).isEqualTo(100_000_000_000L);
        assertThat(verdict(JUST_ABOVE_ONE_BILLION, D2).get(SCREENING_RESULT.PASSED)).isTrue();
        Record fiftyBillion = verdict(EXACTLY_FIFTY_BILLION_CAP, D2);
        assertThat(fiftyBillion.get(SCREENING_RESULT.EXCLUSION_REASON)).isEqualTo("SMALL_MARKET_CAP");
        assertThat(fiftyBillion.get(SCREENING_RESULT.MARKET_CAP)).isEqualTo(50_000_000_000L);

        // The averaging window ends at the last session before the scoring date, even when that date's bar exists.
        String liquid = summary.passed().get(0);
        long expected = dsl.fetchOne("""
                select sum(traded_value) / 20 from (select traded_value from daily_bar where symbol = ?
                and trade_date < ? order by trade_date desc limit 20) x""", liquid, D2).get(0, Long.class);
        assertThat(verdict(liquid, D2).get(SCREENING_RESULT.AVG_TRADED_VALUE)).isEqualTo(expected);
        assertThat(count("select count(*) from daily_bar where trade_date = ?", D2)).isGreaterThan(0);

        ScreeningSummary again = timed("screen again (replaces)", () -> scoring.screen(D2));
        assertThat(again).isEqualTo(summary);
        assertThat(count("select count(*) from screening_result where trade_date = ?", D2)).isEqualTo(listedCommon);

        // The halt covered D2 only: on D1 both stocks are judged on their figures again.
        scoring.screen(D1);
        assertThat(verdict(halted, D1).get(SCREENING_RESULT.EXCLUSION_REASON)).isNotEqualTo("HALTED");
        assertThat(verdict(administrative, D1).get(SCREENING_RESULT.EXCLUSION_REASON))
                .isNotEqualTo("ADMINISTRATIVE_DESIGNATION");
    }

    private static Record verdict(String symbol, LocalDate date) {
        return dsl.selectFrom(SCREENING_RESULT)
                .where(SCREENING_RESULT.TRADE_DATE.eq(date), SCREENING_RESULT.SYMBOL.eq(symbol))
                .fetchSingle();
    }

    @Test
    void aDateNeverScreenedHasNoScreenedSymbols() {
        assertThat(scoring.screenedSymbols(LocalDate.of(2019, 1, 2))).isEmpty();
    }

    // ------------------------------------------------------------------ A2

    @Test
    void quantScoresArePersistedForEveryScreenedStockWithTwelveFactorsEach() {
        ScreeningSummary screened = scoring.screen(D1);
        dsl.deleteFrom(QUANT_SCORE_DAILY).where(QUANT_SCORE_DAILY.TRADE_DATE.eq(D1)).execute();
        QuantSummary quant = timed("quant 300-stock market",
                () -> scoring.scoreQuant(new QuantRequest(D1, screened.passed())));

        int n = screened.passed().size();
        assertThat(quant.scored()).isEqualTo(n);
        assertThat(quant.changedScores()).isEqualTo(n);
        assertThat(quant.regime()).isIn("BULL", "BEAR", "SIDEWAYS", "HIGH_VOLATILITY");
        assertThat(quant.regimeConfidence()).isBetween(0.0, 1.0);
        assertThat(quant.categoryWeights()).containsOnlyKeys("VALUE", "QUALITY", "MOMENTUM", "VOLATILITY", "GROWTH");
        assertThat(quant.categoryWeights()).isEqualTo(ScoringJson.byName(
                RegimeWeights.defaults().forRegime(MarketRegime.valueOf(quant.regime()))));
        assertThat(count("select count(*) from quant_score_daily where trade_date = ?", D1)).isEqualTo(n);
        assertThat(count("select count(*) from factor_value where trade_date = ?", D1)).isEqualTo(12 * n);
        assertThat(count("""
                select count(*) from (select symbol from factor_value where trade_date = ? group by symbol
                having count(*) = 12 and count(z_score) = 12) x""", D1)).isEqualTo(n);
        assertThat(count("select coalesce(sum(imputed_factors), 0) from quant_score_daily where trade_date = ?", D1))
                .isEqualTo(quant.imputedValues());
        // The new listing has too little history for momentum, beta and volatility: imputed, with the reason kept.
        assertThat(count("select count(*) from factor_value where trade_date = ? and symbol = ? and raw_value is null",
                D1, JUST_ABOVE_ONE_BILLION)).isGreaterThanOrEqualTo(4);

        Record regime = dsl.selectFrom(MARKET_REGIME_DAILY).where(MARKET_REGIME_DAILY.TRADE_DATE.eq(D1)).fetchSingle();
        assertThat(regime.get(MARKET_REGIME_DAILY.REGIME)).isEqualTo(quant.regime());
        assertThat(regime.get(MARKET_REGIME_DAILY.METHOD)).contains("MA50/MA200");
        assertThat(regime.get(MARKET_REGIME_DAILY.INDICATORS).data()).contains("ma200", "realisedVolatility",
                "\"index\": \"KOSPI\"", "\"indexDate\": \"2026-11-12\"");

        // A stored quant score rebuilds exactly, exposures included.
        var rebuilt = scoring.storedQuantScores(D1);
        assertThat(rebuilt).hasSize(n);
        assertThat(rebuilt.get(0).stock().exposures()).hasSize(12);
        assertThat(rebuilt.get(0).value()).isEqualTo(dsl.select(QUANT_SCORE_DAILY.QUANT_SCORE).from(QUANT_SCORE_DAILY)
                .where(QUANT_SCORE_DAILY.TRADE_DATE.eq(D1), QUANT_SCORE_DAILY.SYMBOL.eq(rebuilt.get(0).symbol().code()))
                .fetchSingle().value1());

        QuantSummary again = timed("quant again (replaces)", () -> scoring.scoreQuant(
                new QuantRequest(D1, screened.passed())));
        assertThat(again.changedScores()).isZero();
        assertThat(again.scored()).isEqualTo(n);
        assertThat(count("select count(*) from factor_value where trade_date = ?", D1)).isEqualTo(12 * n);
    }

    @Test
    void aStatementPublishedOnOrAfterTheScoringDateIsNotUsed() {
        ScreeningSummary screened = scoring.screen(D1);
        scoring.scoreQuant(new QuantRequest(D1, screened.passed()));
        Timestamp cutoff = Timestamp.from(PointInTime.cutoff(D1));
        // A screened stock whose newest quarterly report came out on D1 or later (Q3 reports are due mid-November).
        Record late = dsl.fetchOne("""
                select f.symbol from fundamental_statement f join screening_result r
                  on r.symbol = f.symbol and r.trade_date = ? and r.passed
                where f.published_at >= ? order by f.published_at, f.symbol limit 1""", D1, cutoff);
        assertThat(late).as("a screened stock with a statement published on or after %s", D1).isNotNull();
        String symbol = late.get(0, String.class).trim();
        Record known = dsl.fetchOne("""
                select liabilities, equity from fundamental_statement where symbol = ? and published_at < ?
                order by fiscal_year desc, fiscal_quarter desc, published_at desc limit 1""", symbol, cutoff);
        Record unknown = dsl.fetchOne("""
                select liabilities, equity from fundamental_statement where symbol = ? and published_at >= ?
                order by fiscal_year desc, fiscal_quarter desc, published_at desc limit 1""", symbol, cutoff);
        double expected = known.get(0, Long.class).doubleValue() / known.get(1, Long.class);
        double lookAhead = unknown.get(0, Long.class).doubleValue() / unknown.get(1, Long.class);
        assertThat(expected).isNotEqualTo(lookAhead);
        Double stored = dsl.select(FACTOR_VALUE.RAW_VALUE).from(FACTOR_VALUE)
                .where(FACTOR_VALUE.TRADE_DATE.eq(D1), FACTOR_VALUE.SYMBOL.eq(symbol),
                        FACTOR_VALUE.FACTOR.eq(Factor.DEBT_RATIO.name()))
                .fetchSingle().value1();
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void categoryWeightsComeFromTheNewestFactorWeightRowsEffectiveOnTheDate() {
        LocalDate from = LocalDate.of(2026, 11, 1);
        try {
            for (FactorCategory category : FactorCategory.values()) {
                dsl.insertInto(FACTOR_WEIGHT).set(FACTOR_WEIGHT.REGIME, "BEAR")
                        .set(FACTOR_WEIGHT.CATEGORY, category.name()).set(FACTOR_WEIGHT.WEIGHT, 0.2)
                        .set(FACTOR_WEIGHT.EFFECTIVE_FROM, from).set(FACTOR_WEIGHT.SOURCE, "MANUAL").execute();
            }
            assertThat(scoring.regimeWeights(D1).forRegime(MarketRegime.BEAR)).containsValues(0.2, 0.2, 0.2, 0.2, 0.2);
            assertThat(scoring.regimeWeights(D1).forRegime(MarketRegime.BULL))
                    .isEqualTo(RegimeWeights.defaults().forRegime(MarketRegime.BULL));
            assertThat(scoring.regimeWeights(from.minusDays(1)).forRegime(MarketRegime.BEAR))
                    .isEqualTo(RegimeWeights.defaults().forRegime(MarketRegime.BEAR));

            dsl.insertInto(FACTOR_WEIGHT).set(FACTOR_WEIGHT.REGIME, "BEAR").set(FACTOR_WEIGHT.CATEGORY, "VALUE")
                    .set(FACTOR_WEIGHT.WEIGHT, 0.9).set(FACTOR_WEIGHT.EFFECTIVE_FROM, from.plusDays(5))
                    .set(FACTOR_WEIGHT.SOURCE, "MANUAL").execute();
            assertThat(scoring.regimeWeights(from.plusDays(4)).forRegime(MarketRegime.BEAR))
                    .containsEntry(FactorCategory.VALUE, 0.2);
            assertThatThrownBy(() -> scoring.regimeWeights(D1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("factor_weight").hasMessageContaining("BEAR");
        } finally {
            dsl.deleteFrom(FACTOR_WEIGHT).where(FACTOR_WEIGHT.SOURCE.eq("MANUAL"),
                    FACTOR_WEIGHT.EFFECTIVE_FROM.between(from, from.plusDays(5))).execute();
        }
    }

    @Test
    void aDayWithNothingScreenedStoresTheRegimeAndNoScores() {
        LocalDate quiet = LocalDate.of(2026, 10, 30);
        QuantSummary quant = scoring.scoreQuant(new QuantRequest(quiet, List.of()));
        assertThat(quant.scored()).isZero();
        assertThat(quant.changedScores()).isZero();
        assertThat(count("select count(*) from market_regime_daily where trade_date = ?", quiet)).isEqualTo(1);
        assertThat(count("select count(*) from quant_score_daily where trade_date = ?", quiet)).isZero();
    }

    @Test
    void unknownSymbolsAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> scoring.scoreQuant(new QuantRequest(D1, List.of("999999"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instrument master")
                .hasMessageContaining("999999");
        assertThatThrownBy(() -> scoring.scoreQuant(new QuantRequest(D1, List.of("ZZ9999"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("six-digit")
                .hasMessageContaining("ZZ9999");
    }

    // ------------------------------------------------------------------ A4

    @Test
    void quantOnlyFinalScoresAreDegradedWithTheReasonAndWrittenThroughTheCache() {
        QuantSummary quant = screenAndQuant(D1);
        clock.set(SCORED_AT);
        FinalSummary result = timed("final 300-stock (quant-only)", () -> scoring.scoreFinal(
                new FinalRequest(D1, Map.of(), QUANT_ONLY, "batch-DailyPreOpen-2026-11-13", false, 10)));

        assertThat(result.scored()).isEqualTo(quant.scored());
        assertThat(result.degraded()).isEqualTo(result.scored());
        assertThat(result.degradedReason()).isEqualTo(QUANT_ONLY);
        assertThat(result.buy() + result.neutral() + result.sell()).isEqualTo(result.scored());
        assertThat(result.buy()).isPositive();
        assertThat(result.sell()).isPositive();
        List<ScoreDailyRecord> rows = dsl.selectFrom(SCORE_DAILY).where(SCORE_DAILY.TRADE_DATE.eq(D1)).fetch();
        assertThat(rows).hasSize(result.scored()).allSatisfy(r -> {
            assertThat(r.getFinalScore()).isBetween(0.0, 100.0);
            assertThat(r.getRecommendation()).isEqualTo(Recommendation.of(r.getFinalScore()).name());
            assertThat(r.getDegraded()).isTrue();
            assertThat(r.getDegradedReason()).isEqualTo(QUANT_ONLY);
            assertThat(r.getAiScore()).isNull();
            assertThat(r.getWorkflowId()).isEqualTo("batch-DailyPreOpen-2026-11-13");
            assertThat(r.getComputedAt().toInstant()).isEqualTo(SCORED_AT);
            assertThat(r.getWeights().data()).contains("\"quant\": 1.0", "\"ai\": 0.0", "factorWeights",
                    "categoryWeights", "quantNormalised", "blended");
        });
        assertThat(rows.stream().filter(r -> r.getFinalScore() >= 75).count()).isEqualTo(result.buy());
        assertThat(rows.stream().filter(r -> r.getFinalScore() <= 25).count()).isEqualTo(result.sell());

        assertThat(result.top()).hasSize(10);
        assertThat(result.top()).extracting(ScoreLine::finalScore)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(result.top()).allSatisfy(line -> {
            assertThat(line.name()).isNotBlank();
            assertThat(line.aiScore()).isNull();
        });
        assertThat(cache.size(CacheRegion.FINAL_SCORE)).isGreaterThanOrEqualTo(result.scored());
        ScoreLine best = result.top().get(0);
        assertThat(cache.peek(CacheRegion.FINAL_SCORE, best.symbol(), D1.toString(), ScoreRow.class)).get()
                .satisfies(row -> {
                    assertThat(row.finalScore()).isEqualTo(best.finalScore());
                    assertThat(row.degradedReason()).isEqualTo(QUANT_ONLY);
                    assertThat(row.name()).isEqualTo(best.name());
                });
        assertThat(new ScoreQueries(dsl).scores(D1, 3)).extracting(ScoreRow::symbol)
                .containsExactlyElementsOf(result.top().subList(0, 3).stream().map(ScoreLine::symbol).toList());

        FinalSummary again = scoring.scoreFinal(
                new FinalRequest(D1, Map.of(), QUANT_ONLY, "batch-DailyPreOpen-2026-11-13", false, 10));
        assertThat(again).isEqualTo(result);
        assertThat(count("select count(*) from score_daily where trade_date = ?", D1)).isEqualTo(result.scored());
    }

    @Test
    void aiScoresAreBlendedAndAStockWithoutOneIsDegradedAloneAndARecalculationKeepsThem() {
        screenAndQuant(D2);
        List<String> symbols = scoring.screenedSymbols(D2);
        Map<String, Double> ai = new HashMap<>();
        for (int i = 1; i < symbols.size(); i++) {
            ai.put(symbols.get(i), (double) Math.floorMod(symbols.get(i).hashCode() * 31, 101));
        }
        String withoutAi = symbols.get(0);
        FinalSummary result = timed("final 300-stock (with AI)", () -> scoring.scoreFinal(
                new FinalRequest(D2, ai, null, "batch-DailyPreOpen-2026-11-12", false, 5)));

        assertThat(result.scored()).isEqualTo(symbols.size());
        assertThat(result.degraded()).isEqualTo(1);
        assertThat(result.degradedReason()).contains("no usable AI score", withoutAi);
        ScoreDailyRecord blended = dsl.selectFrom(SCORE_DAILY)
                .where(SCORE_DAILY.TRADE_DATE.eq(D2), SCORE_DAILY.SYMBOL.eq(symbols.get(1))).fetchSingle();
        assertThat(blended.getAiScore()).isEqualTo(ai.get(symbols.get(1)));
        assertThat(blended.getDegraded()).isFalse();
        assertThat(blended.getWeights().data()).contains("\"quant\": 0.4", "\"ai\": 0.6", "aiNormalised");
        assertThat(result.top()).allSatisfy(line -> assertThat(line.finalScore()).isBetween(0.0, 100.0));

        Map<String, Double> before = finalScores(D2);
        QuantSummary recalculated = scoring.scoreQuant(new QuantRequest(D2, symbols));
        assertThat(recalculated.changedScores()).isZero();
        FinalSummary reused = scoring.scoreFinal(new FinalRequest(D2, Map.of(), null, "batch-MonthlyFactor-2026-11-28",
                true, 5));
        assertThat(finalScores(D2)).isEqualTo(before);
        assertThat(reused.degraded()).isEqualTo(1);
        assertThat(reused.degradedReason()).isEqualTo(result.degradedReason());
        assertThat(dsl.selectFrom(SCORE_DAILY).where(SCORE_DAILY.TRADE_DATE.eq(D2), SCORE_DAILY.SYMBOL.eq(withoutAi))
                .fetchSingle().getWorkflowId()).isEqualTo("batch-MonthlyFactor-2026-11-28");
    }

    private static Map<String, Double> finalScores(LocalDate date) {
        Map<String, Double> out = new HashMap<>();
        dsl.select(SCORE_DAILY.SYMBOL, SCORE_DAILY.FINAL_SCORE).from(SCORE_DAILY).where(SCORE_DAILY.TRADE_DATE.eq(date))
                .forEach(r -> out.put(r.value1().trim(), r.value2()));
        return out;
    }

    @Test
    void theFinalStageNeedsTheQuantStageFirst() {
        LocalDate never = LocalDate.of(2026, 8, 3);
        assertThatThrownBy(() -> scoring.scoreFinal(new FinalRequest(never, Map.of(), QUANT_ONLY, "wf", false, 5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ScoreQuant");
    }

    // ------------------------------------------------------------------ explain

    @Test
    void explainReproducesTheStoredFinalScoreAndListsAllTwelveFactors() {
        screenAndQuant(D2);
        List<String> symbols = scoring.screenedSymbols(D2);
        Map<String, Double> ai = new HashMap<>();
        symbols.forEach(s -> ai.put(s, (double) Math.floorMod(s.hashCode(), 100)));
        FinalSummary result = scoring.scoreFinal(new FinalRequest(D2, ai, null, "wf-explain", false, 1));
        ScoreQueries queries = new ScoreQueries(dsl);
        String best = result.top().get(0).symbol();

        ScoreExplanation x = queries.explain(best, D2).orElseThrow();
        double stored = dsl.select(SCORE_DAILY.FINAL_SCORE).from(SCORE_DAILY)
                .where(SCORE_DAILY.TRADE_DATE.eq(D2), SCORE_DAILY.SYMBOL.eq(best)).fetchSingle().value1();
        assertThat(x.finalScore()).isEqualTo(stored).isEqualTo(result.top().get(0).finalScore());
        assertThat(ScoreMapping.toScore(x.blendedZ())).isEqualTo(stored);
        assertThat(x.weights().quant() * x.quantNormalised() + x.weights().ai() * x.aiNormalised())
                .isCloseTo(x.blended(), within(1e-12));
        assertThat(x.aiScore()).hasValue(ai.get(best));
        assertThat(x.factors()).hasSize(12);
        assertThat(x.factors().stream().mapToDouble(FactorContribution::contribution).sum())
                .isCloseTo(x.quantScore(), within(1e-9));
        String text = x.describe();
        System.out.println(text);
        for (Factor factor : Factor.values()) {
            assertThat(text).contains(factor.name());
        }
        assertThat(text).contains(best, String.format("final %.2f", stored), "quant score");

        assertThat(queries.explain("999999", D2)).isEmpty();
        assertThat(queries.explain("ZZ9999", D2)).isEmpty();
    }

    @Test
    void explainOfADegradedScoreShowsTheReasonAndNoAiPart() {
        screenAndQuant(D1);
        scoring.scoreFinal(new FinalRequest(D1, Map.of(), QUANT_ONLY, "wf-explain", false, 0));
        String symbol = scoring.screenedSymbols(D1).get(0);
        ScoreExplanation x = new ScoreQueries(dsl).explain(symbol, D1).orElseThrow();
        assertThat(x.degraded()).isTrue();
        assertThat(x.degradedReason()).isEqualTo(QUANT_ONLY);
        assertThat(x.aiScore()).isEmpty();
        assertThat(x.blended()).isEqualTo(x.quantNormalised());
        assertThat(x.describe()).contains("DEGRADED: " + QUANT_ONLY, "AI n/a");
        assertThat(ScoreMapping.toScore(x.blendedZ())).isEqualTo(x.finalScore());
    }

    // ------------------------------------------------------------------ I2

    @Test
    void lastGoodScoresAreServedFor24HoursOnly() {
        screenAndQuant(D1);
        MutableClock own = new MutableClock(Instant.parse("2026-11-13T22:30:00Z"));
        ScoringActivitiesImpl stage = new ScoringActivitiesImpl(dsl, ScoringSettings.defaults(), own, producer,
                new InMemoryAnalyticsCache());
        FinalSummary scored = stage.scoreFinal(new FinalRequest(D1, Map.of(), QUANT_ONLY, "wf-last-good", false, 0));

        own.advance(Duration.ofHours(23));
        LocalDate nextSession = LocalDate.of(2026, 11, 16);
        LastGoodScores recent = stage.lastGoodScores(nextSession, 24);
        assertThat(recent.found()).isTrue();
        assertThat(recent.scoresDate()).isEqualTo(D1);
        assertThat(recent.count()).isEqualTo(scored.scored());
        assertThat(recent.ageMinutes()).isEqualTo(23 * 60);
        assertThat(recent.computedAt()).isEqualTo("2026-11-13T22:30:00Z");

        ScoreQueries queries = new ScoreQueries(dsl);
        assertThat(queries.staleScores(nextSession, own, 24)).hasSize(scored.scored())
                .first().extracting(ScoreRow::finalScore).isEqualTo(queries.scores(D1, 1).get(0).finalScore());

        own.advance(Duration.ofHours(2));
        LastGoodScores tooOld = stage.lastGoodScores(nextSession, 24);
        assertThat(tooOld.found()).isFalse();
        assertThat(queries.staleScores(nextSession, own, 24)).isEmpty();
        assertThat(stage.lastGoodScores(nextSession, 26).found()).isTrue();
        assertThat(stage.lastGoodScores(D1.minusDays(1), 26).scoresDate()).isNotEqualTo(D1);
    }

    // ------------------------------------------------------------------ watchlist

    @Test
    void theWatchlistIsReadableFromKafkaWithTheBestScoresAndEveryBuyAndSell() throws Exception {
        screenAndQuant(D1);
        FinalSummary result = scoring.scoreFinal(new FinalRequest(D1, Map.of(), QUANT_ONLY, "wf-watchlist", false, 0));

        WatchlistPublication fresh = scoring.publishWatchlist(new WatchlistRequest(D1, D1, false, null, 10));
        assertThat(fresh.topic()).isEqualTo(KafkaTopics.WATCHLIST);
        assertThat(fresh.stale()).isFalse();
        ConsumerRecord<String, String> record = consume(fresh);
        assertThat(record.key()).isEqualTo(D1.toString());
        WatchlistMessage message = new ObjectMapper().readValue(record.value(), WatchlistMessage.class);
        assertThat(message.date()).isEqualTo("2026-11-13");
        assertThat(message.scoresDate()).isEqualTo("2026-11-13");
        assertThat(message.stale()).isFalse();
        assertThat(message.reason()).isNull();
        List<WatchlistMessage.Entry> entries = message.entries();
        assertThat(entries).hasSize(fresh.symbols());
        long neutralInTop = new ScoreQueries(dsl).scores(D1, 10).stream()
                .filter(r -> r.recommendation().equals("NEUTRAL")).count();
        assertThat(entries).hasSize((int) (result.buy() + result.sell() + neutralInTop));
        assertThat(entries.stream().filter(e -> e.recommendation().equals("BUY")).count()).isEqualTo(result.buy());
        assertThat(entries.stream().filter(e -> e.recommendation().equals("SELL")).count()).isEqualTo(result.sell());
        assertThat(entries.get(0).rank()).isEqualTo(1);
        assertThat(entries).extracting(WatchlistMessage.Entry::finalScore)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.name()).isNotBlank();
            assertThat(e.degradedReason()).isEqualTo(QUANT_ONLY);
        });

        LocalDate monday = LocalDate.of(2026, 11, 16);
        WatchlistPublication stale = scoring.publishWatchlist(new WatchlistRequest(monday, D1, true,
                "scoring pipeline of 2026-11-16 failed: ScoreQuant timed out", 5));
        assertThat(stale.stale()).isTrue();
        ConsumerRecord<String, String> staleRecord = consume(stale);
        assertThat(staleRecord.key()).isEqualTo("2026-11-16");
        WatchlistMessage staleMessage = new ObjectMapper().readValue(staleRecord.value(), WatchlistMessage.class);
        assertThat(staleMessage.stale()).isTrue();
        assertThat(staleMessage.scoresDate()).isEqualTo("2026-11-13");
        assertThat(staleMessage.reason()).contains("ScoreQuant timed out");

        assertThatThrownBy(() -> scoring.publishWatchlist(new WatchlistRequest(monday, LocalDate.of(2019, 1, 2),
                false, null, 5))).isInstanceOf(IllegalStateException.class).hasMessageContaining("no final scores");
    }

    private static ConsumerRecord<String, String> consume(WatchlistPublication sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.sharedForTests().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == sent.offset()) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("the watchlist record at " + partition + "@" + sent.offset() + " was not consumed");
    }

    // ------------------------------------------------------------------ rebalance

    @Test
    void theRebalancePlanTakesTheStrongestBuysWithCappedEqualWeights() {
        screenAndQuant(D1);
        FinalSummary result = scoring.scoreFinal(new FinalRequest(D1, Map.of(), QUANT_ONLY, "wf-rebalance", false, 0));
        assertThat(result.buy()).isGreaterThan(10);
        LocalDate saturday = LocalDate.of(2026, 11, 14);

        RebalancePlan plan = scoring.planRebalance(saturday, D1, 10, 0.08);
        assertThat(plan.targets()).hasSize(10);
        assertThat(plan.targets()).extracting(RebalancePlan.Target::weight).containsOnly(0.08);
        assertThat(plan.targets()).extracting(RebalancePlan.Target::finalScore)
                .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(75.0))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        List<String> bestBuys = new ScoreQueries(dsl).scores(D1, 10).stream().map(ScoreRow::symbol).toList();
        assertThat(plan.targets()).extracting(RebalancePlan.Target::symbol).containsExactlyElementsOf(bestBuys);
        assertThat(count("select count(*) from rebalance_target where plan_date = ? and scores_date = ?", saturday,
                D1)).isEqualTo(10);

        RebalancePlan smaller = scoring.planRebalance(saturday, D1, 4, 0.5);
        assertThat(smaller.targets()).extracting(RebalancePlan.Target::weight).containsOnly(0.25);
        assertThat(count("select count(*) from rebalance_target where plan_date = ?", saturday)).isEqualTo(4);
        assertThatThrownBy(() -> scoring.planRebalance(saturday, D1, 4, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ timing

    @Test
    void theWholePipelineOfTheTestMarketRunsInWellUnderASecondPerStage() {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            long t0 = System.nanoTime();
            ScreeningSummary screened = scoring.screen(D1);
            long t1 = System.nanoTime();
            scoring.scoreQuant(new QuantRequest(D1, screened.passed()));
            long t2 = System.nanoTime();
            scoring.scoreFinal(new FinalRequest(D1, Map.of(), QUANT_ONLY, "wf-timing", false, 10));
            long t3 = System.nanoTime();
            millis.clear();
            millis.addAll(List.of((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
            System.out.printf("run %d: screen %d ms (%d stocks), quant %d ms (%d stocks), final %d ms%n", run + 1,
                    millis.get(0), screened.universe(), millis.get(1), screened.passed().size(), millis.get(2));
        }
        // Generous bounds: the figures printed above are the measurement; these only catch a pathological regression.
        assertThat(millis.get(0)).isLessThan(5_000);
        assertThat(millis.get(1)).isLessThan(10_000);
        assertThat(millis.get(2)).isLessThan(5_000);
    }
}
