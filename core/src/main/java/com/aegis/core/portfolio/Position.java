package com.aegis.core.portfolio;

import com.aegis.core.krx.FillCost;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A long position in one stock (Korean retail accounts cannot short). Immutable: each fill gives a new position.
 *
 * <p>Exact arithmetic: the position keeps whole-KRW totals, never a rounded per-share average. {@code bookValue} is
 * Σ buy notional of the shares held (the broker's 매입금액, so {@link #averagePrice()} matches the broker's average);
 * {@code costBasis} adds the buy commissions. A sale removes the sold fraction of both totals, rounded down to the
 * won (the remainder stays with the shares still held; selling everything removes all). Realised P&amp;L of a sale is
 * proceeds − sell commission − sell tax − removed cost basis, so it is net of every cost on both sides.
 *
 * @param symbol         the stock
 * @param market         where it is listed
 * @param quantity       shares held, ≥ 0
 * @param bookValue      Σ buy notional of the shares held, KRW
 * @param costBasis      bookValue plus the buy commissions of the shares held, KRW
 * @param realisedPnl    cumulative realised P&amp;L net of costs, KRW
 * @param commissionPaid cumulative commission on both sides, KRW
 * @param taxPaid        cumulative sell tax, KRW
 */
public record Position(Symbol symbol, Market market, long quantity, long bookValue, long costBasis, long realisedPnl,
        long commissionPaid, long taxPaid) {

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        if (quantity < 0 || bookValue < 0 || costBasis < bookValue || (quantity == 0 && costBasis != 0)) {
            throw new IllegalArgumentException("inconsistent position in " + symbol + ": " + quantity + " shares,"
                    + " book value " + bookValue + ", cost basis " + costBasis);
        }
    }

    /** No shares and no history. */
    public static Position flat(Symbol symbol, Market market) {
        return new Position(symbol, market, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The position after a fill and its costs.
     *
     * @throws IllegalArgumentException if the trade is for another symbol or the cost is not the trade's
     * @throws InsufficientSharesException if a sell is larger than the shares held
     */
    public Position apply(Trade trade, FillCost cost) {
        if (!trade.symbol().equals(symbol)) {
            throw new IllegalArgumentException("trade " + trade.tradeId() + " is for " + trade.symbol()
                    + ", not for the position in " + symbol);
        }
        if (cost.side() != trade.side() || cost.notional() != trade.notional()) {
            throw new IllegalArgumentException("cost " + cost + " does not belong to trade " + trade);
        }
        if (trade.side() == Side.BUY) {
            return new Position(symbol, market, Math.addExact(quantity, trade.quantity()),
                    Math.addExact(bookValue, cost.notional()),
                    Math.addExact(costBasis, Math.addExact(cost.notional(), cost.commission())), realisedPnl,
                    commissionPaid + cost.commission(), taxPaid);
        }
        if (trade.quantity() > quantity) {
            throw new InsufficientSharesException(trade, quantity);
        }
        long remaining = quantity - trade.quantity();
        long removedBook = remaining == 0 ? bookValue : share(bookValue, trade.quantity(), quantity);
        long removedCost = remaining == 0 ? costBasis : share(costBasis, trade.quantity(), quantity);
        long realised = cost.notional() - cost.commission() - cost.tax() - removedCost;
        return new Position(symbol, market, remaining, bookValue - removedBook, costBasis - removedCost,
                Math.addExact(realisedPnl, realised), commissionPaid + cost.commission(), taxPaid + cost.tax());
    }

    /** Average buy price per share (book value / quantity), 4 decimals half-even as stored; empty when flat. */
    public Optional<BigDecimal> averagePrice() {
        return perShare(bookValue);
    }

    /** Average cost per share including buy commissions, 4 decimals half-even; empty when flat. */
    public Optional<BigDecimal> averageCost() {
        return perShare(costBasis);
    }

    /** quantity × mark price, KRW. */
    public long marketValue(long markPrice) {
        requireMark(markPrice);
        return Math.multiplyExact(quantity, markPrice);
    }

    /**
     * Unrealised P&amp;L at a mark price: market value − cost basis (buy commissions included; the costs of a future
     * sale are not deducted because they depend on its date and size).
     */
    public long unrealisedPnl(long markPrice) {
        return marketValue(markPrice) - costBasis;
    }

    public boolean isFlat() {
        return quantity == 0;
    }

    private Optional<BigDecimal> perShare(long total) {
        if (quantity == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(total).divide(BigDecimal.valueOf(quantity), 4, RoundingMode.HALF_EVEN));
    }

    private void requireMark(long markPrice) {
        if (markPrice <= 0) {
            throw new IllegalArgumentException("mark price of " + symbol + " must be positive, got " + markPrice);
        }
    }

    private static long share(long total, long part, long whole) {
        return BigInteger.valueOf(total).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole))
                .longValueExact();
    }
}
