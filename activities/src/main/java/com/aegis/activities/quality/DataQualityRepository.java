package com.aegis.activities.quality;

import static com.aegis.db.jooq.Tables.DATA_QUALITY_RECORD;
import static com.aegis.db.jooq.Tables.SOURCE_FETCH;

import com.aegis.activities.sources.FetchRecord;
import com.aegis.core.market.Symbol;
import com.aegis.db.jooq.tables.records.DataQualityRecordRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Writes the collectors' data-quality trail and reads the M1 health figures from it. Writes go in multi-row inserts
 * of at most {@value #BATCH_ROWS} rows, all in one transaction, so a batch is stored whole or not at all.
 * Windows are half-open: {@code from <= fetched_at < to}.
 */
public final class DataQualityRepository {

    /** Rows per insert statement: few round trips, statements well under PostgreSQL's bind-parameter limit. */
    static final int BATCH_ROWS = 500;

    private final DSLContext dsl;

    public DataQualityRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Stores the fetch records; returns the number of rows written. */
    public int saveFetches(List<FetchRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int written = 0;
            for (int from = 0; from < records.size(); from += BATCH_ROWS) {
                var insert = t.insertInto(SOURCE_FETCH, SOURCE_FETCH.KIND, SOURCE_FETCH.BATCH_ID,
                        SOURCE_FETCH.TRADE_DATE, SOURCE_FETCH.PRIMARY_SOURCE, SOURCE_FETCH.CHOSEN_SOURCE,
                        SOURCE_FETCH.FALLBACK_REASON, SOURCE_FETCH.SUCCESS, SOURCE_FETCH.ATTEMPTS,
                        SOURCE_FETCH.LATENCY_MS, SOURCE_FETCH.RECORD_COUNT, SOURCE_FETCH.ERROR_MESSAGE,
                        SOURCE_FETCH.FETCHED_AT);
                for (FetchRecord r : records.subList(from, Math.min(records.size(), from + BATCH_ROWS))) {
                    insert = insert.values(r.kind(), r.batchId(), r.tradeDate(), r.primarySource(), r.chosenSource(),
                            r.fallbackReason(), r.success(), (short) r.attempts(), (int) r.latencyMs(),
                            r.recordCount(), r.errorMessage(), utc(r.fetchedAt()));
                }
                written += insert.execute();
            }
            return written;
        });
    }

    /** Stores the values validation caught; returns the number of rows written. */
    public int saveRejections(List<RejectedValue> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int written = 0;
            for (int from = 0; from < values.size(); from += BATCH_ROWS) {
                var insert = t.insertInto(DATA_QUALITY_RECORD, DATA_QUALITY_RECORD.BATCH_ID,
                        DATA_QUALITY_RECORD.DATASET, DATA_QUALITY_RECORD.RECORD_KEY, DATA_QUALITY_RECORD.SYMBOL,
                        DATA_QUALITY_RECORD.AS_OF_DATE, DATA_QUALITY_RECORD.FIELD, DATA_QUALITY_RECORD.VALUE,
                        DATA_QUALITY_RECORD.RULE, DATA_QUALITY_RECORD.REASON, DATA_QUALITY_RECORD.ACTION,
                        DATA_QUALITY_RECORD.SOURCE, DATA_QUALITY_RECORD.FETCHED_AT);
                for (RejectedValue v : values.subList(from, Math.min(values.size(), from + BATCH_ROWS))) {
                    insert = insert.values(v.batchId(), v.dataset(), v.recordKey(),
                            v.symbol() == null ? null : v.symbol().code(), v.asOfDate(), v.field(), v.value(),
                            v.rule().name(), v.reason(), v.action().name(), v.source(), utc(v.fetchedAt()));
                }
                written += insert.execute();
            }
            return written;
        });
    }

    /** The values caught in one collection batch, in the order they were stored. */
    public List<RejectedValue> rejectionsOf(String batchId) {
        return dsl.selectFrom(DATA_QUALITY_RECORD)
                .where(DATA_QUALITY_RECORD.BATCH_ID.eq(batchId))
                .orderBy(DATA_QUALITY_RECORD.ID)
                .fetch(DataQualityRepository::rejectedValue);
    }

    private static RejectedValue rejectedValue(DataQualityRecordRecord r) {
        String symbol = r.getSymbol();
        LocalDate asOf = r.getAsOfDate();
        return new RejectedValue(r.getBatchId(), r.getDataset(), r.getRecordKey(),
                symbol == null ? null : Symbol.of(symbol.trim()), asOf, r.getField(), r.getValue(),
                QualityRule.valueOf(r.getRule()), r.getReason(), QualityAction.valueOf(r.getAction()), r.getSource(),
                r.getFetchedAt().toInstant());
    }

    /** Collection success per kind and primary source in the window, ordered by kind. */
    public List<CollectionSuccess> collectionSuccess(Instant from, Instant to) {
        Field<Integer> fetches = DSL.count();
        Field<Integer> succeeded = DSL.count().filterWhere(SOURCE_FETCH.SUCCESS.isTrue());
        Field<Integer> fellBack = DSL.count().filterWhere(SOURCE_FETCH.CHOSEN_SOURCE.ne(SOURCE_FETCH.PRIMARY_SOURCE));
        return dsl.select(SOURCE_FETCH.KIND, SOURCE_FETCH.PRIMARY_SOURCE, fetches, succeeded, fellBack)
                .from(SOURCE_FETCH)
                .where(window(from, to))
                .groupBy(SOURCE_FETCH.KIND, SOURCE_FETCH.PRIMARY_SOURCE)
                .orderBy(SOURCE_FETCH.KIND, SOURCE_FETCH.PRIMARY_SOURCE)
                .fetch(r -> new CollectionSuccess(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /**
     * Success rate and freshness per source in the window, ordered by source. A primary source is asked on every
     * fetch of its kind and delivers when it was chosen and the fetch succeeded; an alternate is asked when a fetch
     * fell back to it. Stored last-good values ({@link FetchRecord#LAST_GOOD}) are no source and are left out.
     */
    public List<SourceHealth> sourceHealth(Instant from, Instant to) {
        Field<String> source = DSL.field(DSL.name("source"), String.class);
        Field<Boolean> delivered = DSL.field(DSL.name("delivered"), Boolean.class);
        Field<OffsetDateTime> fetchedAt = DSL.field(DSL.name("fetched_at"), OffsetDateTime.class);
        Condition window = window(from, to);
        Table<Record3<String, Boolean, OffsetDateTime>> asked = dsl
                .select(SOURCE_FETCH.PRIMARY_SOURCE.as(source),
                        DSL.field(SOURCE_FETCH.SUCCESS.isTrue()
                                .and(SOURCE_FETCH.CHOSEN_SOURCE.eq(SOURCE_FETCH.PRIMARY_SOURCE))).as(delivered),
                        SOURCE_FETCH.FETCHED_AT.as(fetchedAt))
                .from(SOURCE_FETCH)
                .where(window)
                .unionAll(dsl
                        .select(SOURCE_FETCH.CHOSEN_SOURCE.as(source), SOURCE_FETCH.SUCCESS.as(delivered),
                                SOURCE_FETCH.FETCHED_AT.as(fetchedAt))
                        .from(SOURCE_FETCH)
                        .where(window)
                        .and(SOURCE_FETCH.CHOSEN_SOURCE.ne(SOURCE_FETCH.PRIMARY_SOURCE))
                        .and(SOURCE_FETCH.CHOSEN_SOURCE.ne(FetchRecord.LAST_GOOD)))
                .asTable("asked");
        Field<String> askedSource = asked.field(source);
        Condition wasDelivered = DSL.condition(asked.field(delivered));
        return dsl.select(askedSource, DSL.count(), DSL.count().filterWhere(wasDelivered),
                        DSL.max(asked.field(fetchedAt)).filterWhere(wasDelivered))
                .from(asked)
                .groupBy(askedSource)
                .orderBy(askedSource)
                .fetch(r -> new SourceHealth(r.value1(), r.value2(), r.value3(),
                        Optional.ofNullable(r.value4()).map(OffsetDateTime::toInstant)));
    }

    private static Condition window(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("health window must start before it ends, got " + from + " .. " + to);
        }
        return SOURCE_FETCH.FETCHED_AT.ge(utc(from)).and(SOURCE_FETCH.FETCHED_AT.lt(utc(to)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
