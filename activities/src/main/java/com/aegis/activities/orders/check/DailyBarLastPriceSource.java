package com.aegis.activities.orders.check;

import static com.aegis.db.jooq.Tables.DAILY_BAR;

import com.aegis.core.market.Symbol;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** The last price as the newest stored daily close ({@code daily_bar.close} of the latest trade date). */
public final class DailyBarLastPriceSource implements LastPriceSource {

    private final DSLContext db;

    public DailyBarLastPriceSource(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Long> lastPrice(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return db.select(DAILY_BAR.CLOSE).from(DAILY_BAR).where(DAILY_BAR.SYMBOL.eq(symbol.code()))
                .orderBy(DAILY_BAR.TRADE_DATE.desc()).limit(1).fetchOptional(DAILY_BAR.CLOSE);
    }

    /** One query for all symbols: the newest close per symbol. */
    @Override
    public Map<Symbol, Long> lastPrices(Collection<Symbol> symbols) {
        Map<Symbol, Long> prices = new HashMap<>();
        if (symbols.isEmpty()) {
            return prices;
        }
        List<String> codes = symbols.stream().map(Symbol::code).distinct().toList();
        db.selectDistinct(DAILY_BAR.SYMBOL, DAILY_BAR.CLOSE).on(DAILY_BAR.SYMBOL).from(DAILY_BAR)
                .where(DAILY_BAR.SYMBOL.in(codes))
                .orderBy(DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE.desc())
                .forEach(r -> prices.put(Symbol.of(r.value1()), r.value2()));
        return prices;
    }
}
