package com.aegis.workers.trading;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.risk.TradingState;
import com.aegis.workflows.control.TradingControls;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's trading state for the pre-trade check, as the day's trading control holds it (ACTIVE, REDUCING after
 * the daily loss limit, HALTED by the kill switch or the I3 procedure). A day without a control has no restriction
 * set and trades ACTIVE. A control that cannot be asked gives null, which the check treats as "no order goes out".
 * Answers are kept for a second so a burst of orders asks once.
 */
final class ControlledTradingState implements Supplier<TradingState> {

    private static final Logger log = LoggerFactory.getLogger(ControlledTradingState.class);
    private static final Duration KEEP = Duration.ofSeconds(1);

    private final WorkflowClient client;
    private final Clock marketClock;
    private final Clock wall = Clock.systemUTC();
    private LocalDate cachedDate;
    private TradingState cached;
    private Instant cachedAt = Instant.EPOCH;

    ControlledTradingState(WorkflowClient client, Clock marketClock) {
        this.client = client;
        this.marketClock = marketClock;
    }

    @Override
    public synchronized TradingState get() {
        LocalDate date = LocalDate.ofInstant(marketClock.instant(), KrxCalendar.KST);
        Instant now = wall.instant();
        if (cached != null && date.equals(cachedDate) && now.isBefore(cachedAt.plus(KEEP))) {
            return cached;
        }
        TradingState state;
        try {
            state = TradingControls.of(client, date).status().state();
        } catch (WorkflowNotFoundException e) {
            state = TradingState.ACTIVE;
        } catch (RuntimeException e) {
            log.warn("trading control of {} could not be asked ({}); orders are refused until it answers", date,
                    e.getMessage());
            return null;
        }
        cached = state;
        cachedDate = date;
        cachedAt = now;
        return state;
    }
}
