package com.aegis.activities.market;

import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.aegis.db.jooq.Tables.INSTRUMENT;

/** The stock master as of a date: every instrument listed on that day, with its market. */
public final class ListedStocks {

    private final DSLContext db;

    public ListedStocks(DSLContext db) {
        this.db = db;
    }

    /** Instruments listed on {@code date} (listed on or before it, not delisted by then), in symbol order. */
    public Map<Symbol, Market> on(LocalDate date) {
        Map<Symbol, Market> listed = new LinkedHashMap<>();
        db.select(INSTRUMENT.SYMBOL, INSTRUMENT.MARKET)
                .from(INSTRUMENT)
                .where(INSTRUMENT.LISTED_ON.le(date))
                .and(INSTRUMENT.DELISTED_ON.isNull().or(INSTRUMENT.DELISTED_ON.gt(date)))
                .orderBy(INSTRUMENT.SYMBOL)
                .forEach(r -> listed.put(Symbol.of(r.value1().trim()), Market.valueOf(r.value2())));
        return listed;
    }
}
