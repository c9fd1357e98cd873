package com.aegis.marketsim.kis.ws;

import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.exchange.AccountId;
import com.aegis.marketsim.exchange.BookLevel;
import com.aegis.marketsim.exchange.BookSnapshot;
import com.aegis.marketsim.exchange.DayPlan;
import com.aegis.marketsim.exchange.ExchangeEvent;
import com.aegis.marketsim.exchange.ExchangeListener;
import com.aegis.marketsim.exchange.ExchangeOrderId;
import com.aegis.marketsim.exchange.OrderAccepted;
import com.aegis.marketsim.exchange.OrderBookChanged;
import com.aegis.marketsim.exchange.OrderCancelled;
import com.aegis.marketsim.exchange.OrderExecution;
import com.aegis.marketsim.exchange.OrderModified;
import com.aegis.marketsim.exchange.OrderType;
import com.aegis.marketsim.exchange.TradeKind;
import com.aegis.marketsim.exchange.TradePrint;
import com.aegis.marketsim.exchange.TradingState;
import com.aegis.marketsim.exchange.TradingStateChanged;
import com.aegis.marketsim.exchange.VolatilityInterruptionTriggered;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Turns the simulated exchange's events into what KIS streams: every {@link TradePrint} becomes an H0STCNT0 record
 * (with the day's running open/high/low, buy/sell counts and the last book's best quotes), every
 * {@link OrderBookChanged} an H0STASP0 record, and the orders of linked accounts become H0STCNI0/9 notices (receipt
 * on acceptance, modification and cancellation, a fill notice per execution). Register it with
 * {@code ExchangeSimulator.addListener}; it keeps per-symbol state and runs on the exchange's thread.
 */
public final class ExchangeRealtimeFeed implements RealtimeFeed, ExchangeListener {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<RealtimeFeedListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Symbol, SymbolDay> days = new HashMap<>();
    private final Map<ExchangeOrderId, OrderAccepted> openOrders = new HashMap<>();
    private final Function<AccountId, Optional<KisAccountLink>> accountLinks;
    private final Function<ExchangeOrderId, Optional<String>> orderNumbers;

    /**
     * Notices name orders by the exchange's own order id (10 digits), for accounts that trade the exchange directly.
     *
     * @param plans        the day's stocks; their base prices give the change, sign and limits of each record
     * @param accountLinks which exchange accounts get fill notices, and under which HTS id
     */
    public ExchangeRealtimeFeed(List<DayPlan> plans, Function<AccountId, Optional<KisAccountLink>> accountLinks) {
        this(plans, accountLinks, id -> Optional.empty());
    }

    /**
     * Notices name orders as KIS does (ODER_NO): by the broker's order number, after a modification the modified
     * order's number, e.g. {@code ExchangeKisVenue::kisOrderNumber}. An order the resolver does not know is named by
     * the exchange's id. The resolver runs on the exchange's thread; register this feed after the venue so the
     * venue has seen each event first.
     *
     * @param plans        the day's stocks; their base prices give the change, sign and limits of each record
     * @param accountLinks which exchange accounts get fill notices, and under which HTS id
     * @param orderNumbers the broker's order number of an exchange order
     */
    public ExchangeRealtimeFeed(List<DayPlan> plans, Function<AccountId, Optional<KisAccountLink>> accountLinks,
                                Function<ExchangeOrderId, Optional<String>> orderNumbers) {
        this.accountLinks = Objects.requireNonNull(accountLinks, "accountLinks");
        this.orderNumbers = Objects.requireNonNull(orderNumbers, "orderNumbers");
        for (DayPlan plan : plans) {
            days.put(plan.symbol(), new SymbolDay(plan.symbol().code(), PriceLimits.of(plan.market(), plan.basePrice()),
                    plan.halted()));
        }
    }

    @Override
    public void addListener(RealtimeFeedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RealtimeFeedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        if (listeners.isEmpty() || event.symbol() == null) {
            return;
        }
        SymbolDay day = days.get(event.symbol());
        if (event instanceof TradePrint print && day != null) {
            RealtimeTrade trade = day.trade(print);
            listeners.forEach(l -> l.onTrades(List.of(trade)));
        } else if (event instanceof OrderBookChanged changed && day != null) {
            RealtimeBook book = day.book(changed.book());
            listeners.forEach(l -> l.onBooks(List.of(book)));
        } else if (event instanceof TradingStateChanged state && day != null) {
            day.state = state.to();
        } else if (event instanceof VolatilityInterruptionTriggered vi && day != null) {
            day.viStandardPrice = vi.referencePrice();
        } else if (event instanceof OrderAccepted accepted) {
            openOrders.put(accepted.orderId(), accepted);
            accountLinks.apply(accepted.account()).ifPresent(link -> publish(receipt(link, orderNumber(
                    accepted.orderId()), accepted)));
        } else if (event instanceof OrderExecution execution) {
            OrderAccepted order = openOrders.get(execution.orderId());
            if (execution.leavesQuantity() == 0) {
                openOrders.remove(execution.orderId());
            }
            accountLinks.apply(execution.account()).ifPresent(link -> publish(fill(link, orderNumber(
                    execution.orderId()), execution, order)));
        } else if (event instanceof OrderModified modified) {
            OrderAccepted order = openOrders.get(modified.orderId());
            accountLinks.apply(modified.account()).ifPresent(link -> publish(modification(link, orderNumber(
                    modified.orderId()), modified, order)));
        } else if (event instanceof OrderCancelled cancelled) {
            OrderAccepted order = openOrders.remove(cancelled.orderId());
            accountLinks.apply(cancelled.account()).ifPresent(link -> publish(cancellation(link, orderNumber(
                    cancelled.orderId()), cancelled, order)));
        }
    }

    private String orderNumber(ExchangeOrderId id) {
        return orderNumbers.apply(id).orElseGet(id::toString);
    }

    private void publish(RealtimeFillNotice notice) {
        listeners.forEach(l -> l.onFillNotices(List.of(notice)));
    }

    private static String sideCode(Side side) {
        return side == Side.SELL ? "01" : "02";
    }

    private static LocalTime kst(Instant time) {
        return time.atZone(KisWebSocketSimulator.KST).toLocalTime().withNano(0);
    }

    private static RealtimeFillNotice receipt(KisAccountLink link, String orderNumber, OrderAccepted order) {
        return notice(link, orderNumber, order.quantity(), order.side(), "0", order.type(), order.symbol().code(),
                0, 0, order.time(), "1", "1", order.price());
    }

    private static RealtimeFillNotice fill(KisAccountLink link, String orderNumber, OrderExecution execution,
                                           OrderAccepted order) {
        long orderQuantity = order != null ? order.quantity()
                : execution.cumulativeQuantity() + execution.leavesQuantity();
        OrderType type = order != null ? order.type() : OrderType.LIMIT;
        long orderPrice = order != null ? order.price() : execution.fillPrice();
        return notice(link, orderNumber, orderQuantity, execution.side(), "0", type,
                execution.symbol().code(), execution.fillQuantity(), execution.fillPrice(), execution.time(), "2", "2",
                orderPrice);
    }

    /** The receipt of a modification (정정), under the number the modified order goes by. */
    private static RealtimeFillNotice modification(KisAccountLink link, String orderNumber, OrderModified modified,
                                                   OrderAccepted order) {
        OrderType type = order != null ? order.type() : OrderType.LIMIT;
        return notice(link, orderNumber, modified.newLeavesQuantity(), modified.side(), "1", type,
                modified.symbol().code(), 0, 0, modified.time(), "1", "1", modified.newPrice());
    }

    private static RealtimeFillNotice cancellation(KisAccountLink link, String orderNumber, OrderCancelled cancelled,
                                                   OrderAccepted order) {
        OrderType type = order != null ? order.type() : OrderType.LIMIT;
        return notice(link, orderNumber, cancelled.cancelledQuantity(), cancelled.side(), "2", type,
                cancelled.symbol().code(), 0, 0, cancelled.time(), "1", "2", cancelled.price());
    }

    private static RealtimeFillNotice notice(KisAccountLink link, String orderNumber, long orderQuantity,
                                             Side side, String modifyClass, OrderType type, String symbol,
                                             long filledQuantity, long filledPrice, Instant time, String fillFlag,
                                             String acceptanceCode, long orderPrice) {
        return new RealtimeFillNotice(link.htsId(), link.accountNumber(), orderNumber, orderQuantity,
                sideCode(side), modifyClass, type == OrderType.MARKET ? "01" : "00", "0", symbol, filledQuantity,
                filledPrice, kst(time), "0", fillFlag, acceptanceCode, "00950", link.accountNumber(),
                link.accountName(), 0, "1", "Y", "", "10", "", symbol, orderPrice);
    }

    /** One stock's running day, as KIS's trade and book records summarise it. */
    private static final class SymbolDay {
        final String code;
        final PriceBand band;
        TradingState state;
        long open;
        long high;
        long low;
        LocalTime openTime = LocalTime.MIDNIGHT;
        LocalTime highTime = LocalTime.MIDNIGHT;
        LocalTime lowTime = LocalTime.MIDNIGHT;
        long sellCount;
        long buyCount;
        long sellVolume;
        long buyVolume;
        long cumulativeVolume;
        long viStandardPrice;
        BookSnapshot lastBook;
        long lastTotalAsk;
        long lastTotalBid;

        SymbolDay(String code, PriceBand band, boolean halted) {
            this.code = code;
            this.band = band;
            this.state = halted ? TradingState.HALTED : TradingState.CLOSED;
        }

        RealtimeTrade trade(TradePrint print) {
            LocalTime time = kst(print.time());
            long price = print.price();
            if (open == 0) {
                open = high = low = price;
                openTime = highTime = lowTime = time;
            }
            if (price > high) {
                high = price;
                highTime = time;
            }
            if (price < low) {
                low = price;
                lowTime = time;
            }
            String sideCode;
            if (print.aggressor() == Side.BUY) {
                buyCount++;
                buyVolume += print.quantity();
                sideCode = "1";
            } else if (print.aggressor() == Side.SELL) {
                sellCount++;
                sellVolume += print.quantity();
                sideCode = "5";
            } else {
                sideCode = "3";
            }
            cumulativeVolume = print.dayVolume();
            long base = band.basePrice();
            long bestAsk = lastBook == null ? 0 : lastBook.bestAsk();
            long bestBid = lastBook == null ? 0 : lastBook.bestBid();
            long bestAskQty = lastBook == null || lastBook.asks().isEmpty() ? 0 : lastBook.asks().get(0).quantity();
            long bestBidQty = lastBook == null || lastBook.bids().isEmpty() ? 0 : lastBook.bids().get(0).quantity();
            return new RealtimeTrade(code, time, price, sign(price, base), price - base, rate(price - base, base),
                    ratio(print.dayValue(), print.dayVolume(), 1), open, high, low, bestAsk, bestBid,
                    print.quantity(), print.dayVolume(), print.dayValue(), sellCount, buyCount, buyCount - sellCount,
                    ratio(buyVolume, sellVolume, 100), sellVolume, buyVolume, sideCode,
                    ratio(buyVolume, buyVolume + sellVolume, 100), BigDecimal.ZERO.setScale(2),
                    openTime, sign(price, open), price - open, highTime, sign(price, high), price - high,
                    lowTime, sign(price, low), price - low,
                    print.time().atZone(KisWebSocketSimulator.KST).toLocalDate(), operationCode(print.kind()),
                    state == TradingState.HALTED, bestAskQty, bestBidQty, lastTotalAsk, lastTotalBid,
                    BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2), "0", "0", viStandardPrice);
        }

        RealtimeBook book(BookSnapshot book) {
            lastBook = book;
            List<Long> askPrices = new ArrayList<>();
            List<Long> askQuantities = new ArrayList<>();
            List<Long> bidPrices = new ArrayList<>();
            List<Long> bidQuantities = new ArrayList<>();
            long totalAsk = levels(book.asks(), askPrices, askQuantities);
            long totalBid = levels(book.bids(), bidPrices, bidQuantities);
            long askChange = totalAsk - lastTotalAsk;
            long bidChange = totalBid - lastTotalBid;
            lastTotalAsk = totalAsk;
            lastTotalBid = totalBid;
            long base = band.basePrice();
            long expected = book.indicativePrice();
            long expectedChange = expected == 0 ? 0 : expected - base;
            return new RealtimeBook(code, kst(book.time()), hourClass(book.state()), askPrices, bidPrices,
                    askQuantities, bidQuantities, totalAsk, totalBid, 0, 0, expected, book.indicativeVolume(),
                    book.indicativeVolume(), expectedChange, expected == 0 ? PriceChangeSign.UNCHANGED
                    : sign(expected, base), rate(expectedChange, base), cumulativeVolume, askChange, bidChange, 0, 0,
                    "0");
        }

        private static long levels(List<BookLevel> levels, List<Long> prices, List<Long> quantities) {
            long total = 0;
            for (int i = 0; i < RealtimeBook.LEVELS; i++) {
                BookLevel level = i < levels.size() ? levels.get(i) : null;
                prices.add(level == null ? 0L : level.price());
                quantities.add(level == null ? 0L : level.quantity());
                total += level == null ? 0 : level.quantity();
            }
            return total;
        }

        private PriceChangeSign sign(long price, long reference) {
            return PriceChangeSign.of(price, reference, band.upper(), band.lower());
        }

        private static BigDecimal rate(long change, long base) {
            return BigDecimal.valueOf(change).multiply(HUNDRED).divide(BigDecimal.valueOf(base), 2,
                    RoundingMode.HALF_UP);
        }

        private static BigDecimal ratio(long numerator, long denominator, long scale) {
            if (denominator == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(scale))
                    .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        }

        /** NEW_MKOP_CLS_CODE: first digit 1 pre-open, 2 regular session; second digit 0 normal, 1 closing price. */
        private static String operationCode(TradeKind kind) {
            return switch (kind) {
                case OPENING_AUCTION -> "10";
                case CLOSING_AUCTION -> "21";
                case CONTINUOUS, INTRADAY_AUCTION -> "20";
            };
        }

        /** HOUR_CLS_CODE: 0 regular, A after-close indicative, B pre-open indicative, C indicative after a VI. */
        private static String hourClass(TradingState state) {
            return switch (state) {
                case PRE_OPEN_AUCTION -> "B";
                case CLOSING_AUCTION -> "A";
                case VOLATILITY_AUCTION -> "C";
                default -> "0";
            };
        }
    }
}
