package com.aegis.activities.fills;

import static com.aegis.db.jooq.Tables.FILL_NOTICE_QUARANTINE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;

/** Keeps fill notices that could not be routed in {@code fill_notice_quarantine}, as received, with the reason. */
public final class FillQuarantine {

    private final DSLContext db;
    private final Clock clock;

    public FillQuarantine(DSLContext db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores one notice.
     *
     * @param brokerOrderNo the order number if it is known, else null
     * @param reason        why it was not routed
     * @param payload       the notice or record as received
     * @return the quarantine row's ID
     */
    public long put(String brokerOrderNo, String reason, String payload) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a quarantined fill notice needs a reason");
        }
        return db.insertInto(FILL_NOTICE_QUARANTINE)
                .set(FILL_NOTICE_QUARANTINE.RECEIVED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .set(FILL_NOTICE_QUARANTINE.BROKER_ORDER_NO, brokerOrderNo == null || brokerOrderNo.isBlank()
                        ? null : brokerOrderNo)
                .set(FILL_NOTICE_QUARANTINE.REASON, reason)
                .set(FILL_NOTICE_QUARANTINE.PAYLOAD, payload == null ? "" : payload)
                .returning(FILL_NOTICE_QUARANTINE.ID)
                .fetchOne(FILL_NOTICE_QUARANTINE.ID);
    }
}
