package com.aegis.workers.sim;

import com.aegis.activities.fills.CumulativeFillCounter;
import com.aegis.activities.orders.AccountBook;
import com.aegis.marketsim.services.SimulatedProviders;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.LocalDate;
import java.util.Objects;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated broker opens a fresh account every time it starts: its starting cash, no shares, order numbers from 1
 * again, on the same simulated session date. Records of that date kept from an earlier run would name orders the
 * broker no longer has (and reuse their order numbers), so the account's books and the session's order records are
 * reset to match before any order is placed: orders with their events, fills and reports, the account's broker
 * ledger, the session's signals and fill counters, then positions and cash, with the starting cash as the opening
 * deposit. Quarantined fill notices are kept: they are the record of what could not be routed.
 */
public final class SimulatedAccountReset {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAccountReset.class);

    private SimulatedAccountReset() {
    }

    /** Resets {@code account} and the records of the simulator's session; returns the orders removed. */
    public static int reset(DSLContext db, StatefulRedisConnection<String, String> redis, SimulatedProviders sim,
                            String account) {
        Objects.requireNonNull(account, "account");
        LocalDate session = sim.session();
        int orders = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            String ofSession = "select client_order_id from orders where trade_date = ? and account = ?";
            t.execute("delete from execution_report where order_id in (" + ofSession + ")", session, account);
            t.execute("delete from fill where order_id in (" + ofSession + ")", session, account);
            t.execute("delete from order_event where order_id in (" + ofSession + ")", session, account);
            t.execute("delete from orders where trade_date = ? and account = ? and parent_order_id is not null",
                    session, account);
            int removed = t.execute("delete from orders where trade_date = ? and account = ?", session, account);
            t.execute("delete from broker_order_number where broker_order_key in (select broker_order_key"
                    + " from broker_submission where trade_date = ? and account_id = ?)", session, account);
            t.execute("delete from broker_submission where trade_date = ? and account_id = ?", session, account);
            t.execute("delete from signal s where s.trade_date = ? and not exists"
                    + " (select 1 from orders o where o.signal_id = s.id)", session);
            t.execute("delete from position where account = ?", account);
            t.execute("delete from cash_ledger where account = ?", account);
            return removed;
        });
        redis.sync().del(CumulativeFillCounter.keyOf(session));
        AccountBook.deposit(db, account, sim.settings().startingCash(), "simulator-opening-" + session, session,
                sim.clock().now());
        log.info("simulated broker account {} opened for session {} with {} KRW; {} earlier order(s) of that session"
                + " removed", account, session, sim.settings().startingCash(), orders);
        return orders;
    }
}
