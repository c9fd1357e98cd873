package com.aegis.marketsim.exchange;

import static com.aegis.core.market.Side.BUY;
import static com.aegis.core.market.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.krx.ViType;
import com.aegis.core.market.Market;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    @Nested
    class ContinuousMatching {

        @Test
        void better_price_fills_first_then_earlier_order_at_the_same_price() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId a = f.id(f.limit(SELL, 10_100, 10));
            ExchangeOrderId b = f.id(f.limit(SELL, 10_050, 10));
            ExchangeOrderId c = f.id(f.limit(SELL, 10_050, 10));
            ExchangeOrderId buyer = f.id(f.limit(BUY, 10_100, 25));

            assertThat(f.events(TradePrint.class)).extracting(TradePrint::price, TradePrint::quantity,
                    TradePrint::aggressor).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(10_050L, 10L, BUY),
                    org.assertj.core.groups.Tuple.tuple(10_050L, 10L, BUY),
                    org.assertj.core.groups.Tuple.tuple(10_100L, 5L, BUY));
            assertThat(f.fillsOf(b)).singleElement().isInstanceOf(OrderFilled.class);
            assertThat(f.fillsOf(c)).singleElement().isInstanceOf(OrderFilled.class);
            assertThat(f.fillsOf(a)).singleElement().isInstanceOf(OrderPartiallyFilled.class)
                    .extracting(OrderExecution::leavesQuantity).isEqualTo(5L);
            assertThat(f.fillsOf(buyer)).last().isInstanceOf(OrderFilled.class)
                    .extracting(OrderExecution::cumulativeQuantity).isEqualTo(25L);
            assertThat(f.engine.snapshot(10).asks()).containsExactly(new BookLevel(10_100, 5, 1));
            assertThat(f.engine.stats().volume()).isEqualTo(25);
        }

        @Test
        void non_crossing_orders_rest_and_publish_the_book() {
            EngineFixture f = new EngineFixture().continuous();
            f.limit(BUY, 9_990, 7);
            f.limit(BUY, 9_990, 3);
            f.limit(SELL, 10_010, 4);

            BookSnapshot book = f.engine.snapshot(10);
            assertThat(book.bids()).containsExactly(new BookLevel(9_990, 10, 2));
            assertThat(book.asks()).containsExactly(new BookLevel(10_010, 4, 1));
            assertThat(f.events(OrderBookChanged.class)).last()
                    .extracting(e -> e.book().bestAsk()).isEqualTo(10_010L);
            assertThat(f.events(TradePrint.class)).isEmpty();
        }

        @Test
        void market_order_sweeps_the_book_and_its_rest_waits_at_the_krx_deemed_price() {
            EngineFixture f = new EngineFixture().continuous();
            f.limit(SELL, 10_000, 5);
            f.limit(SELL, 10_010, 5);
            f.limit(BUY, 9_950, 3);
            ExchangeOrderId marketBuy = f.id(f.market(BUY, 15));

            assertThat(f.fillsOf(marketBuy)).extracting(OrderExecution::fillPrice).containsExactly(10_000L, 10_010L);
            // one tick above the best own-side limit order (9,950 + 10), not cancelled, not moved to the upper limit
            RestingOrderView rest = f.view(marketBuy);
            assertThat(rest.open()).isTrue();
            assertThat(rest.price()).isEqualTo(9_960);
            assertThat(rest.leavesQuantity()).isEqualTo(5);
            assertThat(f.engine.orderBook().bestBid()).isEqualTo(9_960);

            f.limit(SELL, 9_900, 5);
            assertThat(f.engine.lastTrade()).get().extracting(TradePrint::price).isEqualTo(9_960L);
            assertThat(f.view(marketBuy).open()).isFalse();
        }

        @Test
        void market_order_with_an_empty_own_side_waits_at_the_last_trade_price() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId sell = f.id(f.market(SELL, 1));
            assertThat(f.view(sell).price()).isEqualTo(10_000); // no trade yet: the base price
            f.limit(BUY, 10_000, 1);
            assertThat(f.engine.lastTradePrice()).isEqualTo(10_000);

            f.limit(SELL, 10_020, 2);
            ExchangeOrderId buy = f.id(f.market(BUY, 4));
            assertThat(f.fillsOf(buy)).extracting(OrderExecution::fillPrice).containsExactly(10_020L);
            assertThat(f.view(buy).price()).isEqualTo(10_020);
            assertThat(f.view(buy).type()).isEqualTo(OrderType.MARKET);
        }
    }

    @Nested
    class ModifyAndCancel {

        @Test
        void reducing_quantity_at_the_same_price_keeps_time_priority() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId first = f.id(f.limit(BUY, 9_900, 10));
            ExchangeOrderId second = f.id(f.limit(BUY, 9_900, 10));

            ModifyResponse response = f.engine.modify(first, 9_900, 4);
            assertThat(response).isInstanceOf(OrderModified.class);
            assertThat(((OrderModified) response).priorityKept()).isTrue();
            f.limit(SELL, 9_900, 4);

            assertThat(f.fillsOf(first)).singleElement().isInstanceOf(OrderFilled.class);
            assertThat(f.fillsOf(second)).isEmpty();
        }

        @Test
        void changing_the_price_loses_time_priority() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId first = f.id(f.limit(BUY, 9_900, 10));
            ExchangeOrderId second = f.id(f.limit(BUY, 9_900, 10));
            f.engine.modify(first, 9_890, 10);
            OrderModified back = (OrderModified) f.engine.modify(first, 9_900, 10);
            assertThat(back.priorityKept()).isFalse();

            f.limit(SELL, 9_900, 10);
            assertThat(f.fillsOf(second)).singleElement().isInstanceOf(OrderFilled.class);
            assertThat(f.fillsOf(first)).isEmpty();
        }

        @Test
        void a_modification_that_crosses_trades_at_once() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId ask = f.id(f.limit(SELL, 10_050, 3));
            ExchangeOrderId bid = f.id(f.limit(BUY, 9_990, 3));
            f.engine.modify(bid, 10_050, 3);
            assertThat(f.fillsOf(ask)).singleElement().extracting(OrderExecution::fillPrice).isEqualTo(10_050L);
            assertThat(f.engine.orderBook().openOrderCount()).isZero();
        }

        @Test
        void raising_the_quantity_is_refused_and_the_order_is_unchanged() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId bid = f.id(f.limit(BUY, 9_990, 3));
            ModifyResponse response = f.engine.modify(bid, 9_990, 4);
            assertThat(response).isInstanceOf(OrderRejected.class);
            assertThat(((OrderRejected) response).reason()).isEqualTo(RejectReason.MODIFY_QUANTITY_EXCEEDS_OPEN);
            assertThat(f.view(bid).leavesQuantity()).isEqualTo(3);
        }

        @Test
        void cancel_removes_the_rest_and_a_second_cancel_or_an_unknown_number_is_refused() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId bid = f.id(f.limit(BUY, 9_990, 8));
            f.limit(SELL, 9_990, 3);

            CancelResponse cancelled = f.engine.cancel(bid);
            assertThat(cancelled).isInstanceOf(OrderCancelled.class);
            assertThat(((OrderCancelled) cancelled).cancelledQuantity()).isEqualTo(5);
            assertThat(((OrderCancelled) cancelled).filledQuantity()).isEqualTo(3);
            assertThat(f.engine.orderBook().openOrderCount()).isZero();

            assertThat(((OrderRejected) f.engine.cancel(bid)).reason()).isEqualTo(RejectReason.ORDER_NOT_OPEN);
            assertThat(((OrderRejected) f.engine.cancel(new ExchangeOrderId(999))).reason())
                    .isEqualTo(RejectReason.UNKNOWN_ORDER);
        }
    }

    @Nested
    class Rejections {

        private RejectReason reasonOf(OrderResponse response) {
            assertThat(response).isInstanceOf(OrderRejected.class);
            return ((OrderRejected) response).reason();
        }

        @Test
        void each_bad_order_is_refused_with_the_brokers_reason_and_the_book_is_untouched() {
            EngineFixture f = new EngineFixture().continuous();
            f.limit(BUY, 9_990, 1);
            BookSnapshot before = f.engine.snapshot(10);

            assertThat(reasonOf(f.limit(BUY, 10_005, 1))).isEqualTo(RejectReason.INVALID_TICK);
            assertThat(reasonOf(f.limit(BUY, 13_010, 1))).isEqualTo(RejectReason.OUTSIDE_PRICE_LIMIT);
            assertThat(reasonOf(f.limit(SELL, 6_990, 1))).isEqualTo(RejectReason.OUTSIDE_PRICE_LIMIT);
            assertThat(reasonOf(f.limit(BUY, 9_990, 0))).isEqualTo(RejectReason.INVALID_QUANTITY);
            assertThat(reasonOf(f.limit(BUY, 9_990, -5))).isEqualTo(RejectReason.INVALID_QUANTITY);
            assertThat(reasonOf(f.limit(BUY, 0, 1))).isEqualTo(RejectReason.INVALID_PRICE);
            assertThat(reasonOf(f.engine.submit(new NewOrder(new ClientOrderKey("M"), EngineFixture.ACCOUNT,
                    EngineFixture.SYMBOL, BUY, OrderType.MARKET, 10_000, 1)))).isEqualTo(RejectReason.INVALID_PRICE);

            assertThat(f.engine.snapshot(10).bids()).isEqualTo(before.bids());
            assertThat(f.engine.snapshot(10).asks()).isEqualTo(before.asks());
            OrderRejected tick = f.events(OrderRejected.class).get(0);
            assertThat(tick.message()).startsWith("호가단위 오류").contains("10005");
            assertThat(f.events(OrderRejected.class).get(1).message()).startsWith("상하한가 범위 초과")
                    .contains("7000..13000");
        }

        @Test
        void limit_prices_exactly_at_the_band_edges_are_accepted() {
            EngineFixture f = new EngineFixture().continuous();
            assertThat(f.limit(BUY, 7_000, 1).isAccepted()).isTrue();
            assertThat(f.limit(SELL, 13_000, 1).isAccepted()).isTrue();
        }

        @Test
        void orders_before_the_session_and_on_a_halted_stock_are_refused() {
            EngineFixture f = new EngineFixture();
            assertThat(reasonOf(f.limit(BUY, 10_000, 1))).isEqualTo(RejectReason.MARKET_CLOSED);
            f.continuous();
            f.engine.halt("news pending");
            assertThat(reasonOf(f.limit(BUY, 10_000, 1))).isEqualTo(RejectReason.TRADING_HALTED);
            assertThat(f.events(OrderRejected.class)).last().extracting(OrderRejected::message).asString()
                    .startsWith("매매거래정지 종목");
        }
    }

    @Nested
    class VolatilityInterruptions {

        @Test
        void static_vi_stops_continuous_trading_for_a_two_minute_auction() {
            EngineFixture f = new EngineFixture().continuous();
            f.limit(SELL, 11_000, 10);
            f.limit(BUY, 11_000, 5); // +10% from the static reference (base 10,000: no opening trade)

            assertThat(f.engine.state()).isEqualTo(TradingState.VOLATILITY_AUCTION);
            assertThat(f.events(TradePrint.class)).isEmpty();
            VolatilityInterruptionTriggered vi = f.events(VolatilityInterruptionTriggered.class).get(0);
            assertThat(vi.type()).isEqualTo(ViType.STATIC);
            assertThat(vi.referencePrice()).isEqualTo(10_000);
            assertThat(vi.auctionEndsAt()).isEqualTo(EngineFixture.kst(9, 2));
            assertThat(f.engine.orderBook().isCrossed()).isTrue();

            f.limit(BUY, 11_010, 2); // orders collect, nothing trades during the auction
            f.clock.advance(Duration.ofSeconds(119));
            assertThat(f.events(TradePrint.class)).isEmpty();

            f.clock.advance(Duration.ofSeconds(1));
            assertThat(f.engine.state()).isEqualTo(TradingState.CONTINUOUS);
            assertThat(f.events(TradePrint.class)).singleElement().satisfies(print -> {
                assertThat(print.kind()).isEqualTo(TradeKind.INTRADAY_AUCTION);
                assertThat(print.price()).isEqualTo(11_000);
                assertThat(print.quantity()).isEqualTo(7);
                assertThat(print.time()).isEqualTo(EngineFixture.kst(9, 2));
            });
            assertThat(f.engine.staticReferencePrice()).isEqualTo(11_000);
            assertThat(f.engine.orderBook().isCrossed()).isFalse();
        }

        @Test
        void dynamic_vi_fires_at_three_percent_for_kospi200_mid_sweep() {
            EngineFixture f = new EngineFixture().continuous();
            f.limit(BUY, 10_000, 1);
            f.limit(SELL, 10_000, 1);
            f.limit(SELL, 10_100, 5);
            f.limit(SELL, 10_300, 5);
            ExchangeOrderId sweep = f.id(f.limit(BUY, 10_300, 10));

            assertThat(f.fillsOf(sweep)).extracting(OrderExecution::fillPrice).containsExactly(10_100L);
            VolatilityInterruptionTriggered vi = f.events(VolatilityInterruptionTriggered.class).get(0);
            assertThat(vi.type()).isEqualTo(ViType.DYNAMIC);
            assertThat(vi.referencePrice()).isEqualTo(10_000);
            assertThat(vi.triggerPrice()).isEqualTo(10_300);

            f.clock.advance(Duration.ofMinutes(2));
            assertThat(f.fillsOf(sweep)).extracting(OrderExecution::fillPrice).containsExactly(10_100L, 10_300L);
            assertThat(f.view(sweep).open()).isFalse();
        }

        @Test
        void the_same_move_trades_through_for_a_stock_outside_kospi200() {
            EngineFixture f = new EngineFixture(Market.KOSDAQ, false, 10_000, true).continuous();
            f.limit(BUY, 10_000, 1);
            f.limit(SELL, 10_000, 1);
            f.limit(SELL, 10_300, 5);
            f.limit(BUY, 10_300, 5);
            assertThat(f.engine.state()).isEqualTo(TradingState.CONTINUOUS);
            assertThat(f.engine.lastTradePrice()).isEqualTo(10_300);
        }
    }

    @Nested
    class SessionsAndHalts {

        @Test
        void the_opening_auction_matches_everything_at_one_price_at_nine() {
            EngineFixture f = new EngineFixture();
            f.clock.advanceTo(EngineFixture.kst(8, 30));
            f.engine.startPreOpenAuction();
            f.limit(BUY, 10_100, 10);
            f.limit(BUY, 10_000, 10);
            f.limit(SELL, 9_900, 15);
            f.limit(SELL, 10_100, 10);
            assertThat(f.events(TradePrint.class)).isEmpty();
            assertThat(f.engine.snapshot(10).indicativePrice()).isEqualTo(10_000);
            assertThat(f.engine.snapshot(10).indicativeVolume()).isEqualTo(15);

            f.clock.advanceTo(EngineFixture.kst(9, 0));
            f.engine.openContinuousTrading();
            // 10,000: demand 20, supply 15 -> 15 (best); 10,100: demand 10, supply 25 -> 10
            assertThat(f.events(TradePrint.class)).singleElement().satisfies(print -> {
                assertThat(print.kind()).isEqualTo(TradeKind.OPENING_AUCTION);
                assertThat(print.price()).isEqualTo(10_000);
                assertThat(print.quantity()).isEqualTo(15);
                assertThat(print.aggressor()).isNull();
            });
            assertThat(f.engine.stats().open()).isEqualTo(10_000);
            assertThat(f.engine.snapshot(10).bids()).containsExactly(new BookLevel(10_000, 5, 1));
            assertThat(f.engine.orderBook().isCrossed()).isFalse();
        }

        @Test
        void the_closing_auction_sets_the_close_and_remaining_orders_expire() {
            EngineFixture f = new EngineFixture().continuous();
            f.clock.advanceTo(EngineFixture.kst(15, 20));
            f.engine.startClosingAuction();
            ExchangeOrderId bid = f.id(f.limit(BUY, 10_050, 10));
            f.limit(SELL, 10_000, 4);
            f.clock.advanceTo(EngineFixture.kst(15, 30));
            f.engine.closeDay();

            // 10,000 and 10,050 both execute 4 with imbalance 6: the one closest to the reference (base 10,000) wins
            assertThat(f.engine.lastTrade()).get().satisfies(print -> {
                assertThat(print.kind()).isEqualTo(TradeKind.CLOSING_AUCTION);
                assertThat(print.price()).isEqualTo(10_000);
                assertThat(print.quantity()).isEqualTo(4);
            });
            assertThat(f.events(OrderCancelled.class)).singleElement().satisfies(c -> {
                assertThat(c.orderId()).isEqualTo(bid);
                assertThat(c.reason()).isEqualTo(CancelReason.END_OF_DAY);
                assertThat(c.cancelledQuantity()).isEqualTo(6);
            });
            assertThat(f.engine.state()).isEqualTo(TradingState.CLOSED);
            assertThat(((OrderRejected) f.limit(BUY, 10_000, 1)).reason()).isEqualTo(RejectReason.MARKET_CLOSED);
        }

        @Test
        void a_halt_keeps_orders_allows_cancels_and_reopens_through_a_ten_minute_auction() {
            EngineFixture f = new EngineFixture().continuous();
            ExchangeOrderId bid = f.id(f.limit(BUY, 9_990, 5));
            ExchangeOrderId bid2 = f.id(f.limit(BUY, 9_980, 5));
            f.engine.halt("disclosure pending");

            assertThat(f.engine.state()).isEqualTo(TradingState.HALTED);
            assertThat(((OrderRejected) f.engine.modify(bid, 9_980, 5)).reason())
                    .isEqualTo(RejectReason.TRADING_HALTED);
            assertThat(f.engine.cancel(bid2)).isInstanceOf(OrderCancelled.class);
            assertThat(f.view(bid).open()).isTrue();

            f.engine.resume();
            assertThat(f.engine.state()).isEqualTo(TradingState.VOLATILITY_AUCTION);
            f.limit(SELL, 9_990, 5);
            f.clock.advance(Duration.ofMinutes(9));
            assertThat(f.view(bid).open()).isTrue();
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(f.engine.state()).isEqualTo(TradingState.CONTINUOUS);
            assertThat(f.fillsOf(bid)).singleElement().extracting(OrderExecution::fillPrice).isEqualTo(9_990L);
        }
    }
}
