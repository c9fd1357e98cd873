package com.aegis.activities.fills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Side;
import com.aegis.workflows.orders.FillNotice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FillNoticeRecordTest {

    private static final Instant AT = Instant.parse("2031-02-03T00:31:02Z");
    private static final LocalDate DAY = LocalDate.of(2031, 2, 3);

    @Test
    void aRecordSurvivesItsJsonAndBecomesTheSignalPayload() {
        FillNoticeRecord record = FillNoticeRecord.of("0000012345", "005930", Side.SELL, 71_000, 20, 50, AT, DAY);
        String json = new String(record.toJson(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"tradeId\":\"0000012345-c50\"", "\"executedAt\":\"2031-02-03T00:31:02Z\"",
                "\"tradeDate\":\"2031-02-03\"", "\"side\":\"SELL\"");
        assertThat(FillNoticeRecord.fromJson(record.toJson())).isEqualTo(record);
        assertThat(record.toFillNotice()).isEqualTo(FillNotice.of("0000012345", 71_000, 20, 50, AT));
    }

    @Test
    void aMissingFieldOrAnInconsistentTradeIdIsMalformed() {
        String missingPrice = "{\"tradeId\":\"1-c5\",\"brokerOrderNo\":\"1\",\"symbol\":\"005930\",\"side\":\"BUY\","
                + "\"quantity\":5,\"cumulativeQuantity\":5,\"executedAt\":\"2031-02-03T00:31:02Z\","
                + "\"tradeDate\":\"2031-02-03\"}";
        assertThatThrownBy(() -> FillNoticeRecord.fromJson(missingPrice.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFillRecordException.class).hasMessageContaining("price");
        assertThatThrownBy(() -> FillNoticeRecord.fromJson(null))
                .isInstanceOf(MalformedFillRecordException.class).hasMessage("fill record has no value");
        assertThatThrownBy(() -> new FillNoticeRecord("1-c4", "1", "005930", Side.BUY, 100, 5, 5, AT, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1-c5");
        assertThatThrownBy(() -> FillNoticeRecord.of("1", "005930", Side.BUY, 100, 6, 5, AT, DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot end at 5");
    }
}
