package com.aegis.marketsim.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples worked out by hand (the first three after KRX's published single-price auction examples). */
class AuctionPriceFinderTest {

    private static BookLevel level(long price, long qty) {
        return new BookLevel(price, qty, 1);
    }

    @Test
    void picks_the_price_that_executes_the_most() {
        // cumulative demand/supply: 7,810 1500/150, 7,820 1000/350, 7,830 600/750, 7,840 250/1050
        List<BookLevel> bids = List.of(level(7_850, 100), level(7_840, 150), level(7_830, 350), level(7_820, 400),
                level(7_810, 500), level(7_800, 650));
        List<BookLevel> asks = List.of(level(7_860, 450), level(7_850, 750), level(7_840, 300), level(7_830, 400),
                level(7_820, 200), level(7_810, 150));

        AuctionResult result = AuctionPriceFinder.find(bids, asks, 7_830);

        assertThat(result).isEqualTo(new AuctionResult(7_830, 600, 150));
    }

    @Test
    void among_equal_volumes_and_imbalances_the_reference_price_itself_wins_when_inside_the_range() {
        List<BookLevel> bids = List.of(level(7_850, 200), level(7_840, 100));
        List<BookLevel> asks = List.of(level(7_810, 100), level(7_800, 200));

        assertThat(AuctionPriceFinder.find(bids, asks, 7_820)).isEqualTo(new AuctionResult(7_820, 300, 0));
    }

    @Test
    void otherwise_the_candidate_closest_to_the_reference_wins() {
        List<BookLevel> bids = List.of(level(7_850, 200), level(7_840, 100));
        List<BookLevel> asks = List.of(level(7_810, 100), level(7_800, 200));

        assertThat(AuctionPriceFinder.find(bids, asks, 7_850).price()).isEqualTo(7_840);
        assertThat(AuctionPriceFinder.find(bids, asks, 7_700).price()).isEqualTo(7_810);
    }

    @Test
    void equal_volume_is_broken_by_the_smaller_imbalance_before_the_reference() {
        // 10,000: demand 30, supply 10 -> 10, imbalance 20; 10,100: demand 10, supply 10 -> 10, imbalance 0
        List<BookLevel> bids = List.of(level(10_100, 10), level(10_000, 20));
        List<BookLevel> asks = List.of(level(10_000, 10));

        assertThat(AuctionPriceFinder.find(bids, asks, 10_000)).isEqualTo(new AuctionResult(10_100, 10, 0));
        List<BookLevel> asks2 = List.of(level(9_900, 10));
        // every price 9,900..10,100 executes 10; imbalances: 9,900 -> 20, 10,000 -> 20, 10,100 -> 0
        assertThat(AuctionPriceFinder.find(bids, asks2, 9_900)).isEqualTo(new AuctionResult(10_100, 10, 0));
    }

    @Test
    void no_overlap_means_no_trade() {
        assertThat(AuctionPriceFinder.find(List.of(level(9_900, 5)), List.of(level(10_000, 5)), 9_950).trades())
                .isFalse();
        assertThat(AuctionPriceFinder.find(List.of(), List.of(level(10_000, 5)), 9_950).trades()).isFalse();
    }
}
