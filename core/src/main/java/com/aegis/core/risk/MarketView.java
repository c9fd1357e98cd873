package com.aegis.core.risk;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.market.Symbol;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The market as the risk check sees it: instrument snapshots and the trading calendar (sessions and holidays).
 *
 * @param instruments snapshot per symbol
 * @param calendar    the KRX calendar that says which session an order time falls in
 */
public record MarketView(Map<Symbol, InstrumentSnapshot> instruments, KrxCalendar calendar) {

    public MarketView {
        instruments = Map.copyOf(instruments);
        Objects.requireNonNull(calendar, "calendar");
    }

    /** A view of these snapshots on the standard KRX calendar. */
    public static MarketView of(Collection<InstrumentSnapshot> snapshots) {
        return new MarketView(snapshots.stream().collect(Collectors.toMap(InstrumentSnapshot::symbol,
                Function.identity())), KrxCalendar.standard());
    }

    public Optional<InstrumentSnapshot> instrument(Symbol symbol) {
        return Optional.ofNullable(instruments.get(symbol));
    }
}
