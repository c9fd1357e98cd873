package com.aegis.core.krx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Market;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VolatilityInterruptionTest {

    private static final LocalTime AT = LocalTime.of(10, 15, 30);

    private static Optional<ViTrigger> check(boolean k200, SessionPhase phase, long staticRef, long last, long price) {
        return VolatilityInterruption.check(Market.KOSPI, k200, phase, staticRef, last, price, AT);
    }

    @Test
    void staticViAtTenPercentFromTheReferenceInEitherDirection() {
        ViTrigger up = check(false, SessionPhase.CONTINUOUS, 10_000, 10_950, 11_000).orElseThrow();
        assertThat(up.type()).isEqualTo(ViType.STATIC);
        assertThat(up.referencePrice()).isEqualTo(10_000);
        assertThat(up.thresholdBasisPoints()).isEqualTo(1_000);
        assertThat(up.deviationBasisPoints()).isEqualTo(1_000);
        assertThat(up.auctionStart()).isEqualTo(AT);
        assertThat(up.auctionEnd()).isEqualTo(LocalTime.of(10, 17, 30));
        assertThat(check(false, SessionPhase.CONTINUOUS, 10_000, 9_050, 9_000).orElseThrow().type())
                .isEqualTo(ViType.STATIC);
        assertThat(check(false, SessionPhase.CONTINUOUS, 10_000, 10_950, 10_990)).isEmpty();
        assertThat(check(false, SessionPhase.CONTINUOUS, 10_000, 9_050, 9_010)).isEmpty();
    }

    @Test
    void dynamicViThreePercentForKospi200AndSixForOthers() {
        assertThat(check(true, SessionPhase.CONTINUOUS, 10_000, 10_000, 10_300).orElseThrow())
                .extracting(ViTrigger::type, ViTrigger::referencePrice, ViTrigger::thresholdBasisPoints)
                .containsExactly(ViType.DYNAMIC, 10_000L, 300);
        assertThat(check(true, SessionPhase.CONTINUOUS, 10_000, 10_000, 10_290)).isEmpty();
        assertThat(check(true, SessionPhase.CONTINUOUS, 10_000, 10_000, 9_700)).isPresent();
        assertThat(check(false, SessionPhase.CONTINUOUS, 10_000, 10_000, 10_590)).isEmpty();
        assertThat(check(false, SessionPhase.CONTINUOUS, 10_000, 10_000, 10_600).orElseThrow().thresholdBasisPoints())
                .isEqualTo(600);
    }

    @Test
    void closingAuctionUsesTheTighterDynamicThresholds() {
        assertThat(check(true, SessionPhase.CLOSING_AUCTION, 10_000, 10_000, 10_200)).isPresent();
        assertThat(check(true, SessionPhase.CLOSING_AUCTION, 10_000, 10_000, 10_190)).isEmpty();
        assertThat(check(false, SessionPhase.CLOSING_AUCTION, 10_000, 10_000, 10_400)).isPresent();
        assertThat(check(false, SessionPhase.CLOSING_AUCTION, 10_000, 10_000, 10_390)).isEmpty();
    }

    @Test
    void openingAuctionChecksOnlyTheStaticThreshold() {
        assertThat(check(true, SessionPhase.PRE_OPEN_AUCTION, 10_000, 10_000, 10_500)).isEmpty();
        assertThat(check(true, SessionPhase.PRE_OPEN_AUCTION, 10_000, 10_000, 11_000).orElseThrow().type())
                .isEqualTo(ViType.STATIC);
    }

    @Test
    void noViAfterHoursOrOnKonex() {
        assertThat(check(true, SessionPhase.AFTER_HOURS_SINGLE_PRICE, 10_000, 10_000, 11_000)).isEmpty();
        assertThat(check(true, SessionPhase.CLOSED, 10_000, 10_000, 11_000)).isEmpty();
        assertThat(VolatilityInterruption.check(Market.KONEX, false, SessionPhase.CONTINUOUS, 10_000, 10_000,
                12_000, AT)).isEmpty();
        assertThat(VolatilityInterruption.check(Market.KOSDAQ, false, SessionPhase.CONTINUOUS, 10_000, 10_000,
                10_600, AT)).isPresent();
    }

    @Test
    void staticWinsWhenBothThresholdsAreReached() {
        assertThat(check(true, SessionPhase.CONTINUOUS, 10_000, 10_600, 11_000).orElseThrow().type())
                .isEqualTo(ViType.STATIC);
    }

    @Test
    void invalidPricesAreRejected() {
        assertThatThrownBy(() -> check(true, SessionPhase.CONTINUOUS, 0, 10_000, 10_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("static reference price");
        assertThatThrownBy(() -> VolatilityInterruption.dynamicThresholdBasisPoints(true, SessionPhase.POST_CLOSE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
