package com.aegis.core.risk;

import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.OutsideCalendarCoverageException;
import com.aegis.core.krx.PriceBand;
import com.aegis.core.krx.PriceLimits;
import com.aegis.core.krx.SessionPhase;
import com.aegis.core.krx.TickSize;
import com.aegis.core.krx.TickTable;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The pre-trade check (requirements E2, E3): a pure function of the order, the account, the market and the limits.
 * A refusal is a {@link RiskDecision.Denied} value with a reason code, never an exception.
 *
 * <p>The checks run in this order and the first failure is reported: trading state (HALTED), market data, session,
 * tick and price limits, duplicate order, daily loss limit (REDUCING: buys refused), shares available (sells),
 * per-trade size, sector concentration, order notional cap, price collar, cash (buys).
 *
 * <p>A sell in a long-only account always reduces risk, so sells pass the daily loss limit and the size and sector
 * limits; they still need the shares. A market order is sized at the last trade price and reserves cash at the day's
 * upper limit price, as the broker does.
 */
public final class RiskCheck {

    private RiskCheck() {
    }

    /** The check with the standard commission for the cash reservation. */
    public static RiskDecision evaluate(SubmitOrder order, PortfolioView portfolio, MarketView market,
            RiskLimits limits) {
        return evaluate(order, portfolio, market, limits, TradingCosts.standard());
    }

    public static RiskDecision evaluate(SubmitOrder order, PortfolioView portfolio, MarketView market,
            RiskLimits limits, TradingCosts costs) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(costs, "costs");

        if (portfolio.tradingState() == TradingState.HALTED) {
            return RiskDecision.deny(DenialReason.TRADING_HALTED, "order " + describe(order) + " refused: trading is HALTED;"
                    + " an operator must resume trading first");
        }
        InstrumentSnapshot inst = market.instrument(order.symbol()).orElse(null);
        if (inst == null) {
            return RiskDecision.deny(DenialReason.NO_MARKET_DATA, "order " + describe(order) + " refused: no price data for "
                    + order.symbol() + "; the check needs its base and last price");
        }
        if (inst.market() != order.market()) {
            return RiskDecision.deny(DenialReason.INVALID_ORDER, "order " + describe(order) + " names market "
                    + order.market() + " but " + order.symbol() + " is listed on " + inst.market());
        }

        LocalDate tradeDate = order.createdAt().atZone(KrxCalendar.KST).toLocalDate();
        SessionPhase phase;
        try {
            phase = market.calendar().phaseAt(order.createdAt());
        } catch (OutsideCalendarCoverageException e) {
            return RiskDecision.deny(DenialReason.MARKET_CLOSED, "order " + describe(order) + " refused: " + e.getMessage());
        }
        if (!acceptsRegularOrders(phase)) {
            return RiskDecision.deny(DenialReason.MARKET_CLOSED, "order " + describe(order) + " refused: the market is "
                    + phase + " at " + order.createdAt().atZone(KrxCalendar.KST).toLocalDateTime() + " KST; regular"
                    + " orders are taken 08:30-15:30 on trading days (" + market.calendar().schedule(tradeDate)
                    .description() + ")");
        }

        PriceBand band = PriceLimits.of(order.market(), tradeDate, inst.basePrice());
        if (order.type() == OrderType.LIMIT) {
            TickTable ticks = TickSize.table(order.market(), tradeDate);
            if (!ticks.isValid(order.limitPrice())) {
                return RiskDecision.deny(DenialReason.INVALID_TICK, "order " + describe(order) + " refused: "
                        + order.limitPrice() + " KRW is not on a tick (tick " + ticks.tickOf(order.limitPrice())
                        + " KRW); nearest valid prices " + ticks.roundDown(order.limitPrice()) + " and "
                        + ticks.roundUp(order.limitPrice()));
            }
            if (!band.contains(order.limitPrice())) {
                return RiskDecision.deny(DenialReason.OUTSIDE_PRICE_LIMITS, "order " + describe(order) + " refused: "
                        + order.limitPrice() + " KRW is outside today's limits " + band.lower() + ".." + band.upper()
                        + " KRW (base " + band.basePrice() + ")");
            }
        }

        for (OpenOrder open : portfolio.openOrders()) {
            if (open.symbol().equals(order.symbol()) && open.side() == order.side()
                    && !open.clientOrderId().equals(order.clientOrderId())) {
                return RiskDecision.deny(DenialReason.DUPLICATE_ORDER, "order " + describe(order) + " refused: "
                        + open.clientOrderId() + " is still open for " + order.side() + " " + order.symbol() + " ("
                        + open.leavesQuantity() + " shares left); cancel or finish it first");
            }
        }

        boolean buy = order.side() == Side.BUY;
        if (buy) {
            if (portfolio.tradingState() == TradingState.REDUCING) {
                return RiskDecision.deny(DenialReason.DAILY_LOSS_LIMIT, "order " + describe(order) + " refused: trading is"
                        + " REDUCING, only sells of held shares are allowed until an operator resumes trading");
            }
            if (TradingState.dailyLossLimitReached(portfolio.dailyPnl(), portfolio.startOfDayEquity(), limits)) {
                return RiskDecision.deny(DenialReason.DAILY_LOSS_LIMIT, "order " + describe(order) + " refused: today's P&L "
                        + portfolio.dailyPnl() + " KRW on a start-of-day equity of " + portfolio.startOfDayEquity()
                        + " KRW reaches the daily loss limit of -" + percent(limits.dailyLossLimitBps())
                        + "; only risk-reducing orders are allowed");
            }
        } else {
            long reserved = portfolio.openOrders().stream()
                    .filter(o -> o.side() == Side.SELL && o.symbol().equals(order.symbol()))
                    .mapToLong(OpenOrder::leavesQuantity).sum();
            long sellable = portfolio.held(order.symbol()) - reserved;
            if (order.quantity() > sellable) {
                return RiskDecision.deny(DenialReason.INSUFFICIENT_SHARES, "order " + describe(order) + " refused: "
                        + sellable + " shares of " + order.symbol() + " can be sold (" + portfolio.held(order.symbol())
                        + " held, " + reserved + " in open sells)");
            }
        }

        long sizingPrice = order.type() == OrderType.LIMIT ? order.limitPrice() : inst.lastPrice();
        long notional = Math.multiplyExact(sizingPrice, order.quantity());
        if (buy) {
            if (portfolio.equity() <= 0 || Exact.compareShare(notional, portfolio.equity(),
                    limits.maxTradeWeightBps()) > 0) {
                return RiskDecision.deny(DenialReason.POSITION_SIZE_LIMIT, "order " + describe(order) + " refused: notional "
                        + notional + " KRW exceeds " + percent(limits.maxTradeWeightBps()) + " of equity "
                        + portfolio.equity() + " KRW (at most " + Exact.share(Math.max(0, portfolio.equity()),
                        limits.maxTradeWeightBps()) + " KRW per trade)");
            }
            long sectorExposure = notional;
            for (var e : portfolio.marketValues().entrySet()) {
                if (inSector(market, e.getKey(), inst.sector())) {
                    sectorExposure = Math.addExact(sectorExposure, e.getValue());
                }
            }
            for (OpenOrder open : portfolio.openOrders()) {
                if (open.side() == Side.BUY && inSector(market, open.symbol(), inst.sector())) {
                    sectorExposure = Math.addExact(sectorExposure, open.reservedNotional());
                }
            }
            if (Exact.compareShare(sectorExposure, portfolio.equity(), limits.maxSectorWeightBps()) > 0) {
                return RiskDecision.deny(DenialReason.SECTOR_CONCENTRATION, "order " + describe(order) + " refused: sector "
                        + inst.sector() + " exposure would be " + sectorExposure + " KRW, above "
                        + percent(limits.maxSectorWeightBps()) + " of equity " + portfolio.equity() + " KRW");
            }
        }
        if (notional > limits.maxOrderNotional()) {
            return RiskDecision.deny(DenialReason.MAX_ORDER_NOTIONAL, "order " + describe(order) + " refused: notional "
                    + notional + " KRW exceeds the per-order cap of " + limits.maxOrderNotional() + " KRW; split it"
                    + " into slices");
        }
        if (order.type() == OrderType.LIMIT) {
            long distance = Math.abs(order.limitPrice() - inst.lastPrice());
            if (Exact.compareShare(distance, inst.lastPrice(), limits.priceCollarBps()) > 0) {
                return RiskDecision.deny(DenialReason.PRICE_COLLAR, "order " + describe(order) + " refused: limit "
                        + order.limitPrice() + " KRW is " + distance + " KRW from the last trade " + inst.lastPrice()
                        + " KRW, more than the " + percent(limits.priceCollarBps()) + " collar");
            }
        }
        if (buy) {
            long reservePrice = order.type() == OrderType.LIMIT ? order.limitPrice() : band.upper();
            long reserveNotional = Math.multiplyExact(reservePrice, order.quantity());
            long needed = Math.addExact(reserveNotional, costs.commission(reserveNotional));
            long reservedByOpenBuys = 0;
            for (OpenOrder open : portfolio.openOrders()) {
                if (open.side() == Side.BUY) {
                    reservedByOpenBuys = Math.addExact(reservedByOpenBuys,
                            open.reservedNotional() + costs.commission(open.reservedNotional()));
                }
            }
            long available = portfolio.cash() - reservedByOpenBuys;
            if (needed > available) {
                return RiskDecision.deny(DenialReason.INSUFFICIENT_CASH, "order " + describe(order) + " refused: needs "
                        + needed + " KRW incl. commission" + (order.type() == OrderType.MARKET
                        ? " (market buy reserved at the upper limit " + band.upper() + " KRW)" : "") + ", "
                        + available + " KRW available (cash " + portfolio.cash() + ", " + reservedByOpenBuys
                        + " held for open buys)");
            }
        }
        return RiskDecision.approve();
    }

    /** The order as the denial message names it; built only when an order is denied. */
    private static String describe(SubmitOrder order) {
        return order.clientOrderId() + " (" + order.side() + " " + order.quantity() + " " + order.symbol()
                + (order.type() == OrderType.LIMIT ? " @ " + order.limitPrice() + " KRW" : " at market") + ")";
    }

    /** Sessions in which a regular limit or market order is accepted. */
    static boolean acceptsRegularOrders(SessionPhase phase) {
        return switch (phase) {
            case PRE_OPEN_AUCTION, CONTINUOUS, CLOSING_AUCTION -> true;
            case CLOSED, POST_CLOSE, AFTER_HOURS_CLOSING_PRICE, AFTER_HOURS_SINGLE_PRICE -> false;
        };
    }

    private static boolean inSector(MarketView market, Symbol symbol, String sector) {
        return market.instrument(symbol).map(i -> i.sector().equals(sector)).orElse(false);
    }

    private static String percent(int bps) {
        return BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
