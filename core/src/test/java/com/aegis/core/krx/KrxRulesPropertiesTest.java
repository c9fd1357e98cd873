package com.aegis.core.krx;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class KrxRulesPropertiesTest {

    @Property
    void everyRoundedPriceIsAValidTickAndTheClosestOnItsSide(@ForAll @LongRange(min = 1, max = 5_000_000) long price) {
        long down = TickSize.roundDown(price);
        long up = TickSize.roundUp(price);
        long nearest = TickSize.roundNearest(price);
        assertThat(TickSize.isValid(down) && TickSize.isValid(up) && TickSize.isValid(nearest)).isTrue();
        assertThat(down).isLessThanOrEqualTo(price);
        assertThat(up).isGreaterThanOrEqualTo(price);
        assertThat(nearest).isIn(down, up);
        if (down != price) {
            assertThat(TickSize.stepUp(down, 1)).isEqualTo(up);
        }
        assertThat(TickSize.isValid(price)).isEqualTo(down == price);
    }

    @Property
    void roundingAValidPriceLeavesItUnchanged(@ForAll("validPrices") long price) {
        assertThat(TickSize.roundDown(price)).isEqualTo(price);
        assertThat(TickSize.roundUp(price)).isEqualTo(price);
        assertThat(TickSize.roundNearest(price)).isEqualTo(price);
    }

    @Property
    void stepUpAndStepDownAreInverse(@ForAll("validPrices") long price, @ForAll @IntRange(max = 5_000) int ticks) {
        long up = TickSize.stepUp(price, ticks);
        assertThat(TickSize.isValid(up)).isTrue();
        assertThat(TickSize.stepDown(up, ticks)).isEqualTo(price);
        if (price > 10_000) {
            long down = TickSize.stepDown(price, Math.min(ticks, 100));
            assertThat(TickSize.stepUp(down, Math.min(ticks, 100))).isEqualTo(price);
        }
    }

    @Property
    void oneStepUpIsTheTickOfThePrice(@ForAll("validPrices") long price) {
        assertThat(TickSize.stepUp(price, 1) - price).isEqualTo(TickSize.of(price));
        assertThat(TickSize.stepUp(price, 3)).isEqualTo(TickSize.stepUp(TickSize.stepUp(price, 1), 2));
    }

    @Property
    void priceBandContainsTheBaseAndHasValidLimitsWithinTheRate(
            @ForAll @LongRange(min = 1, max = 3_000_000) long base, @ForAll Market market) {
        PriceBand band = PriceLimits.of(market, base);
        int rate = market == Market.KONEX ? 15 : 30;
        assertThat(band.contains(base)).isTrue();
        assertThat(TickSize.isValid(band.lower()) && TickSize.isValid(band.upper())).isTrue();
        assertThat((band.upper() - base) * 100).isLessThanOrEqualTo(base * rate);
        assertThat((base - band.lower()) * 100).isLessThanOrEqualTo(base * rate);
        assertThat(band.contains(TickSize.stepUp(band.upper(), 1))).isFalse();
        if (band.lower() > 1) {
            assertThat(band.contains(TickSize.stepDown(band.lower(), 1))).isFalse();
        }
    }

    @Property
    void historicalBandsAreOnThatDaysTicks(@ForAll @LongRange(min = 1, max = 3_000_000) long base,
                                           @ForAll Market market, @ForAll("coveredDates") LocalDate date) {
        PriceBand band = PriceLimits.of(market, date, base);
        TickTable table = TickSize.table(market, date);
        assertThat(band.contains(base)).isTrue();
        assertThat(table.isValid(band.lower()) && table.isValid(band.upper())).isTrue();
    }

    @Property(tries = 300)
    void nextAndPreviousTradingDayAreInverseOnTradingDays(@ForAll("coveredDates") LocalDate date) {
        KrxCalendar calendar = KrxCalendar.standard();
        LocalDate next = calendar.nextTradingDay(date);
        assertThat(next).isAfter(date);
        assertThat(calendar.isTradingDay(next)).isTrue();
        assertThat(calendar.tradingDays(date.plusDays(1), next)).containsExactly(next);
        if (calendar.isTradingDay(date)) {
            assertThat(calendar.previousTradingDay(next)).isEqualTo(date);
        }
    }

    @Property
    void aSaleNetsTheNotionalLessCommissionAndTax(@ForAll @LongRange(min = 1, max = 3_000_000) long price,
                                                  @ForAll @LongRange(min = 1, max = 1_000_000) long quantity,
                                                  @ForAll Market market, @ForAll("coveredDates") LocalDate date) {
        TradingCosts costs = TradingCosts.standard();
        FillCost sell = costs.cost(Side.SELL, market, date, price, quantity);
        FillCost buy = costs.cost(Side.BUY, market, date, price, quantity);
        assertThat(sell.netCash() + sell.commission() + sell.tax()).isEqualTo(price * quantity);
        assertThat(buy.netCash()).isEqualTo(-(price * quantity + buy.commission()));
        assertThat(sell.tax()).isLessThanOrEqualTo(price * quantity * 30 / 10_000);
        assertThat(sell.commission()).isEqualTo(price * quantity * 150 / 1_000_000);
    }

    @Provide
    Arbitrary<Long> validPrices() {
        return Arbitraries.longs().between(1, 3_000_000).map(TickSize::roundDown);
    }

    @Provide
    Arbitrary<LocalDate> coveredDates() {
        return Arbitraries.longs().between(LocalDate.of(2015, 1, 1).toEpochDay(), LocalDate.of(2027, 12, 20)
                .toEpochDay()).map(LocalDate::ofEpochDay);
    }
}
