package com.aegis.workflows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.execution.OrderType;
import com.aegis.core.krx.SessionPhase;
import com.aegis.workflows.orders.OpenOrderReview.Action;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The E5 review rule at its boundaries. */
class OpenOrderReviewTest {

    private static final ExecutionPolicy POLICY = ExecutionPolicy.standard();
    private static final Instant DECIDED = Instant.parse("2026-11-30T00:30:00Z");

    private static OpenOrderReview.Decision at(Duration age, SessionPhase next, long last, int reprices) {
        return OpenOrderReview.decide(POLICY, OrderType.LIMIT, 100_000, 100_000, DECIDED, DECIDED.plus(age), next,
                last, reprices);
    }

    @Test
    void cancelsWhenTheSessionIsClosingOrTheSignalIsStale() {
        assertThat(at(Duration.ofMinutes(10), SessionPhase.CLOSING_AUCTION, 100_500, 0).action())
                .isEqualTo(Action.CANCEL);
        assertThat(at(Duration.ofMinutes(30), SessionPhase.CONTINUOUS, 100_500, 0).reason())
                .startsWith("signal stale");
        assertThat(at(Duration.ofMinutes(29), SessionPhase.CONTINUOUS, 100_500, 0).action())
                .isEqualTo(Action.REPRICE);
    }

    @Test
    void repricesWithinTheCollarOnlyAndOnlySoOften() {
        // 2% collar around 100,000: 102,000 is inside, 102,100 outside.
        assertThat(at(Duration.ofMinutes(10), SessionPhase.CONTINUOUS, 102_000, 0))
                .isEqualTo(new OpenOrderReview.Decision(Action.REPRICE, 102_000,
                        "re-price 100000 -> 102000 (last price 102000)"));
        assertThat(at(Duration.ofMinutes(10), SessionPhase.CONTINUOUS, 102_100, 0).action())
                .isEqualTo(Action.CANCEL);
        assertThat(at(Duration.ofMinutes(10), SessionPhase.CONTINUOUS, 100_000, 0).action()).isEqualTo(Action.HOLD);
        assertThat(at(Duration.ofMinutes(10), SessionPhase.CONTINUOUS, 0, 0).action()).isEqualTo(Action.HOLD);
        assertThat(at(Duration.ofMinutes(10), SessionPhase.CONTINUOUS, 101_000, 3).reason())
                .isEqualTo("re-priced 3 times without filling");
    }

    @Test
    void aMarketOrderStillOpenIsCanceled() {
        assertThat(OpenOrderReview.decide(POLICY, OrderType.MARKET, 100_000, 0, DECIDED,
                DECIDED.plus(Duration.ofMinutes(10)), SessionPhase.CONTINUOUS, 100_000, 0).action())
                .isEqualTo(Action.CANCEL);
    }
}
