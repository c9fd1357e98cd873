package com.aegis.marketsim.kis.rest;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The market and the brokerage behind the simulated KIS REST service: what a quotation shows and what an order does.
 * Implementations are thread-safe; the server calls them from several request threads.
 */
public interface KisVenue {

    Optional<Quote> quote(Symbol symbol);

    Optional<OrderBook> orderBook(Symbol symbol);

    OrderResult placeOrder(OrderRequest request);

    /** Changes price and/or quantity of an open order; the answer carries the new order number KIS assigns. */
    OrderResult modify(KisAccount account, String orderNo, OrderKind kind, long newPrice, long newQuantity);

    /** Cancels the whole open quantity; the answer carries the cancel order's own number. */
    OrderResult cancel(KisAccount account, String orderNo);

    /** Every order of the account placed on a day from {@code from} to {@code to} inclusive, oldest first. */
    List<OrderRecord> dailyOrders(KisAccount account, LocalDate from, LocalDate to);

    Optional<Balance> balance(KisAccount account);

    Optional<BuyingPower> buyable(KisAccount account, Symbol symbol, OrderKind kind, long price);

    /**
     * The stock's end-of-day bars with trade dates from {@code from} to {@code to} inclusive, oldest first, with its
     * name and listed shares; empty if the venue does not know the stock.
     */
    Optional<DailyChart> dailyChart(Symbol symbol, LocalDate from, LocalDate to);

    /** 00 = limit (지정가), 01 = market (시장가): the two ORD_DVSN values the simulator trades. */
    enum OrderKind {
        LIMIT("00"), MARKET("01");

        private final String code;

        OrderKind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<OrderKind> fromCode(String code) {
            for (OrderKind kind : values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A stock's quotation: prices in KRW, volume in shares, value in KRW. */
    record Quote(Symbol symbol, String name, long price, long previousClose, long open, long high, long low,
                 long upperLimit, long lowerLimit, long accumulatedVolume, long accumulatedValue, long tickSize) {
        public Quote {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(name, "name");
        }
    }

    /** One visible price level. */
    record Level(long price, long quantity) {
    }

    /** Up to ten levels each side, best first, with the expected auction price/volume (0 outside auctions). */
    record OrderBook(Symbol symbol, LocalTime time, List<Level> asks, List<Level> bids, long lastPrice,
                     long expectedPrice, long expectedVolume) {
        public OrderBook {
            asks = List.copyOf(asks);
            bids = List.copyOf(bids);
        }
    }

    record OrderRequest(KisAccount account, Symbol symbol, Side side, OrderKind kind, long price, long quantity) {
        public OrderRequest {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The answer to an order, modify or cancel. */
    sealed interface OrderResult permits Accepted, Rejected {
    }

    /** Accepted: the order number KIS assigns, the KRX forwarding branch and the time (KST). */
    record Accepted(String orderNo, String branchNo, LocalTime time) implements OrderResult {
    }

    /** Refused by the broker or the exchange, with KIS's message code and text. */
    record Rejected(String messageCode, String message) implements OrderResult {
    }

    /**
     * One row of the daily order/fill inquiry. {@code originalOrderNo} is empty for a new order and names the
     * modified/cancelled order otherwise; {@code cancelOrder} marks a cancel confirmation row.
     */
    record OrderRecord(LocalDate date, LocalTime time, String orderNo, String originalOrderNo, String branchNo,
                       Symbol symbol, String name, Side side, OrderKind kind, long orderQuantity, long orderPrice,
                       long filledQuantity, long filledAmount, long cancelledQuantity, long remainingQuantity,
                       boolean cancelOrder) {
        public long averageFillPrice() {
            return filledQuantity == 0 ? 0L : filledAmount / filledQuantity;
        }
    }

    record Holding(Symbol symbol, String name, long quantity, long orderableQuantity, long averagePrice,
                   long purchaseAmount, long currentPrice, long todayBoughtQuantity, long todaySoldQuantity) {
        public long evaluationAmount() {
            return quantity * currentPrice;
        }
    }

    /** Cash in KRW (deposit, and what is left after open buy orders) and the holdings. */
    record Balance(long deposit, long orderableCash, List<Holding> holdings, long todayBuyAmount,
                   long todaySellAmount) {
        public Balance {
            holdings = List.copyOf(holdings);
        }
    }

    /** What the account can buy of one stock at a price. */
    record BuyingPower(long orderableCash, long calculationPrice, long maxQuantity) {
    }

    /**
     * One completed trading day of a stock, KRW and shares. A day without trades has volume 0 and open = high = low =
     * close = the previous close, as KIS shows a halted stock.
     */
    record DayBar(LocalDate date, long open, long high, long low, long close, long previousClose, long volume,
                  long tradedValue) {
        public DayBar {
            Objects.requireNonNull(date, "date");
        }

        public long change() {
            return close - previousClose;
        }
    }

    /** A stock's name, listed shares and bars over the asked period, oldest first. */
    record DailyChart(Symbol symbol, String name, long listedShares, List<DayBar> bars) {
        public DailyChart {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(name, "name");
            bars = List.copyOf(bars);
        }
    }
}
