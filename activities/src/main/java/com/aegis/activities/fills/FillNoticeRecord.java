package com.aegis.activities.fills;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.workflows.orders.FillNotice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One execution as published on {@code broker.fills.v1} (JSON, keyed by {@code brokerOrderNo}).
 *
 * @param tradeId            {@link FillNotice#tradeIdOf} of the order number and the cumulative quantity
 * @param brokerOrderNo      the broker order number (ODNO) the execution is under
 * @param symbol             6-digit KRX short code
 * @param side               buy or sell
 * @param price              execution price, KRW per share
 * @param quantity           shares executed
 * @param cumulativeQuantity shares filled under {@code brokerOrderNo} including this execution
 * @param executedAt         execution time (UTC), from the KST trade date and STCK_CNTG_HOUR
 * @param tradeDate          the KST trade date the order number belongs to
 */
public record FillNoticeRecord(String tradeId, String brokerOrderNo, String symbol, Side side, long price,
                               long quantity, long cumulativeQuantity, Instant executedAt, LocalDate tradeDate) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public FillNoticeRecord {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(brokerOrderNo, "brokerOrderNo");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(executedAt, "executedAt");
        Objects.requireNonNull(tradeDate, "tradeDate");
        Symbol.of(symbol);
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("fill of order " + brokerOrderNo + " needs a positive price and"
                    + " quantity, got " + quantity + " shares at " + price + " KRW");
        }
        if (cumulativeQuantity < quantity) {
            throw new IllegalArgumentException("fill of " + quantity + " shares under order " + brokerOrderNo
                    + " cannot end at " + cumulativeQuantity + " shares filled");
        }
        String expected = FillNotice.tradeIdOf(brokerOrderNo, cumulativeQuantity);
        if (!expected.equals(tradeId)) {
            throw new IllegalArgumentException("trade ID " + tradeId + " does not match order " + brokerOrderNo
                    + " at " + cumulativeQuantity + " shares filled (expected " + expected + ")");
        }
    }

    /** The record of an execution, its trade ID derived from the order number and the cumulative quantity. */
    public static FillNoticeRecord of(String brokerOrderNo, String symbol, Side side, long price, long quantity,
                                      long cumulativeQuantity, Instant executedAt, LocalDate tradeDate) {
        return new FillNoticeRecord(FillNotice.tradeIdOf(brokerOrderNo, cumulativeQuantity), brokerOrderNo, symbol,
                side, price, quantity, cumulativeQuantity, executedAt, tradeDate);
    }

    /** The {@code fill} signal payload of the order's workflow. */
    public FillNotice toFillNotice() {
        return new FillNotice(tradeId, brokerOrderNo, price, quantity, cumulativeQuantity, executedAt);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise fill record " + tradeId, e);
        }
    }

    /**
     * Reads a record published by {@link #toJson}.
     *
     * @throws MalformedFillRecordException if {@code json} is not JSON, misses a field or is inconsistent
     */
    public static FillNoticeRecord fromJson(byte[] json) {
        if (json == null) {
            throw new MalformedFillRecordException("fill record has no value", null);
        }
        try {
            return JSON.readValue(json, FillNoticeRecord.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MalformedFillRecordException("inconsistent fill record: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedFillRecordException("unreadable fill record: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedFillRecordException("unreadable fill record: " + e.getMessage(), e);
        }
    }
}
