package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * The simulated broker's cash and share ledger for the system's own accounts. Checks new orders against free cash or
 * shares, reserves for open orders, and books fills (with the commission and tax the fill events carry). It follows
 * the exchange's events, so a fill, a modification and a cancel always move the ledger the same way the book moved.
 * Accounts hold no short positions: a sell needs the shares.
 */
public final class BrokerAccounts implements ExchangeListener {

    private final LongUnaryOperator commission;
    private final Map<AccountId, Ledger> accounts = new HashMap<>();
    private final Map<ExchangeOrderId, Reservation> reservations = new HashMap<>();
    private final Map<Symbol, Long> marketBuyReservePrice = new HashMap<>();

    /** @param commission commission in KRW for a notional in KRW (the broker's schedule) */
    public BrokerAccounts(LongUnaryOperator commission) {
        this.commission = commission;
    }

    public void open(AccountId account, long cash) {
        if (cash < 0) {
            throw new IllegalArgumentException("opening cash of " + account + " must not be negative, got " + cash);
        }
        if (accounts.putIfAbsent(account, new Ledger(cash)) != null) {
            throw new IllegalArgumentException("account " + account + " is already open");
        }
    }

    public boolean exists(AccountId account) {
        return accounts.containsKey(account);
    }

    public void deposit(AccountId account, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("deposit must be positive, got " + amount);
        }
        ledger(account).cash += amount;
    }

    /** Sets a holding directly (an opening position carried from an earlier day). */
    public void setHolding(AccountId account, Symbol symbol, long shares) {
        if (shares < 0) {
            throw new IllegalArgumentException("holding of " + symbol + " must not be negative, got " + shares);
        }
        ledger(account).holdings.put(symbol, shares);
    }

    public Optional<AccountSnapshot> snapshot(AccountId account) {
        Ledger l = accounts.get(account);
        if (l == null) {
            return Optional.empty();
        }
        return Optional.of(new AccountSnapshot(account, l.cash, l.reservedCash, l.holdings, l.reservedShares,
                l.commissionPaid, l.taxPaid));
    }

    /** The price a market buy reserves cash at for a stock (its upper limit today). */
    void setMarketBuyReservePrice(Symbol symbol, long upperLimit) {
        marketBuyReservePrice.put(symbol, upperLimit);
    }

    Optional<Rejection> checkNewOrder(NewOrder order) {
        Ledger l = accounts.get(order.account());
        if (l == null) {
            return Optional.of(new Rejection(RejectReason.UNKNOWN_ACCOUNT, "account " + order.account()
                    + " is not registered; open it before trading"));
        }
        if (order.side() == Side.BUY) {
            long price = reservePrice(order.symbol(), order.type(), order.price());
            long required = cashFor(price, order.quantity());
            if (required > l.cash - l.reservedCash) {
                return Optional.of(new Rejection(RejectReason.INSUFFICIENT_CASH, "buying " + order.quantity()
                        + " x " + price + " needs " + required + " KRW with commission; available "
                        + (l.cash - l.reservedCash) + " KRW"));
            }
        } else {
            long free = l.holdings.getOrDefault(order.symbol(), 0L) - l.reservedShares.getOrDefault(order.symbol(), 0L);
            if (order.quantity() > free) {
                return Optional.of(new Rejection(RejectReason.INSUFFICIENT_SHARES, "selling " + order.quantity()
                        + " shares of " + order.symbol() + " but only " + free + " are free in " + order.account()));
            }
        }
        return Optional.empty();
    }

    Optional<Rejection> checkModify(ExchangeOrderId orderId, long newPrice, long newQuantity) {
        Reservation r = reservations.get(orderId);
        if (r == null || r.side == Side.SELL || newQuantity <= 0) {
            return Optional.empty();
        }
        Ledger l = accounts.get(r.account);
        long extra = cashFor(newPrice, Math.min(newQuantity, r.leaves)) - r.reservedCash;
        if (extra > l.cash - l.reservedCash) {
            return Optional.of(new Rejection(RejectReason.INSUFFICIENT_CASH, "raising order " + orderId + " to "
                    + newPrice + " needs " + extra + " KRW more; available " + (l.cash - l.reservedCash) + " KRW"));
        }
        return Optional.empty();
    }

    @Override
    public void onEvent(ExchangeEvent event) {
        if (event instanceof OrderAccepted a) {
            Ledger l = accounts.get(a.account());
            if (l != null) {
                Reservation r = new Reservation(a.account(), a.symbol(), a.side(),
                        reservePrice(a.symbol(), a.type(), a.price()), a.quantity());
                reservations.put(a.orderId(), r);
                apply(l, r, +1);
            }
        } else if (event instanceof OrderExecution e) {
            Reservation r = reservations.get(e.orderId());
            if (r != null) {
                Ledger l = accounts.get(r.account);
                apply(l, r, -1);
                long notional = e.fillPrice() * e.fillQuantity();
                long held = l.holdings.getOrDefault(r.symbol, 0L);
                if (r.side == Side.BUY) {
                    l.cash -= notional + e.commission();
                    l.holdings.put(r.symbol, held + e.fillQuantity());
                } else {
                    l.cash += notional - e.commission() - e.tax();
                    l.holdings.put(r.symbol, held - e.fillQuantity());
                }
                l.commissionPaid += e.commission();
                l.taxPaid += e.tax();
                r.leaves = e.leavesQuantity();
                finishOrKeep(e.orderId(), l, r);
            }
        } else if (event instanceof OrderModified m) {
            Reservation r = reservations.get(m.orderId());
            if (r != null) {
                Ledger l = accounts.get(r.account);
                apply(l, r, -1);
                r.price = m.newPrice();
                r.leaves = m.newLeavesQuantity();
                finishOrKeep(m.orderId(), l, r);
            }
        } else if (event instanceof OrderCancelled c) {
            Reservation r = reservations.remove(c.orderId());
            if (r != null) {
                apply(accounts.get(r.account), r, -1);
            }
        }
    }

    private void finishOrKeep(ExchangeOrderId id, Ledger l, Reservation r) {
        if (r.leaves == 0) {
            reservations.remove(id);
        } else {
            apply(l, r, +1);
        }
    }

    private void apply(Ledger l, Reservation r, int sign) {
        if (r.side == Side.BUY) {
            if (sign > 0) {
                r.reservedCash = cashFor(r.price, r.leaves);
            }
            l.reservedCash += sign * r.reservedCash;
        } else {
            l.reservedShares.merge(r.symbol, sign * r.leaves, Long::sum);
        }
    }

    private long reservePrice(Symbol symbol, OrderType type, long price) {
        return type == OrderType.MARKET ? marketBuyReservePrice.getOrDefault(symbol, 0L) : price;
    }

    private long cashFor(long price, long quantity) {
        long notional = Math.multiplyExact(price, quantity);
        return notional + commission.applyAsLong(notional);
    }

    private Ledger ledger(AccountId account) {
        Ledger l = accounts.get(account);
        if (l == null) {
            throw new IllegalArgumentException("account " + account + " is not open");
        }
        return l;
    }

    private static final class Ledger {
        long cash;
        long reservedCash;
        long commissionPaid;
        long taxPaid;
        final Map<Symbol, Long> holdings = new HashMap<>();
        final Map<Symbol, Long> reservedShares = new HashMap<>();

        Ledger(long cash) {
            this.cash = cash;
        }
    }

    private static final class Reservation {
        final AccountId account;
        final Symbol symbol;
        final Side side;
        long price;
        long leaves;
        long reservedCash;

        Reservation(AccountId account, Symbol symbol, Side side, long price, long leaves) {
            this.account = account;
            this.symbol = symbol;
            this.side = side;
            this.price = price;
            this.leaves = leaves;
        }
    }
}
