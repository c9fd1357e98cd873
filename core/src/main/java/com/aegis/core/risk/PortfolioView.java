package com.aegis.core.risk;

import com.aegis.core.market.Symbol;
import com.aegis.core.portfolio.Portfolio;
import com.aegis.core.portfolio.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account as the risk check sees it at one moment.
 *
 * @param equity           cash plus positions at marks, KRW
 * @param startOfDayEquity equity at the start of the day, KRW (the daily loss limit's base)
 * @param cash             cash balance, KRW
 * @param heldQuantities   shares held per symbol
 * @param marketValues     position value at marks per symbol, KRW
 * @param openOrders       the account's open orders (not including the one being checked)
 * @param tradingState     the state set by the trading control (operator, incidents, loss limit)
 */
public record PortfolioView(long equity, long startOfDayEquity, long cash, Map<Symbol, Long> heldQuantities,
        Map<Symbol, Long> marketValues, List<OpenOrder> openOrders, TradingState tradingState) {

    public PortfolioView {
        heldQuantities = Map.copyOf(heldQuantities);
        marketValues = Map.copyOf(marketValues);
        openOrders = List.copyOf(openOrders);
        Objects.requireNonNull(tradingState, "tradingState");
    }

    /** A snapshot of a portfolio whose day has started, at these marks. */
    public static PortfolioView of(Portfolio portfolio, Map<Symbol, Long> marks, List<OpenOrder> openOrders,
            TradingState state) {
        Map<Symbol, Long> held = new HashMap<>();
        Map<Symbol, Long> values = new HashMap<>();
        for (Position p : portfolio.openPositions()) {
            held.put(p.symbol(), p.quantity());
            values.put(p.symbol(), portfolio.marketValue(p.symbol(), marks));
        }
        return new PortfolioView(portfolio.equity(marks), portfolio.startOfDayEquity(), portfolio.cash(), held,
                values, openOrders, state);
    }

    public long held(Symbol symbol) {
        return heldQuantities.getOrDefault(symbol, 0L);
    }

    /** Equity minus start-of-day equity, KRW. */
    public long dailyPnl() {
        return equity - startOfDayEquity;
    }
}
