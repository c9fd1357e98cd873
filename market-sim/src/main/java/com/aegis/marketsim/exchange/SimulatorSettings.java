package com.aegis.marketsim.exchange;

import com.aegis.core.krx.KrxCalendar;
import com.aegis.core.krx.TradingCosts;
import com.aegis.marketsim.exchange.participant.FlowSettings;
import java.util.Objects;

/**
 * How a simulator runs: the seed of the crowd's flow, whether the crowd trades at all, whether volatility
 * interruptions are enforced, the broker's cost schedule and the trading calendar.
 */
public record SimulatorSettings(long seed, boolean participants, boolean volatilityInterruptions, TradingCosts costs,
                                KrxCalendar calendar, FlowSettings flow) {

    public SimulatorSettings {
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(flow, "flow");
    }

    /** Standard costs and calendar, crowd on, VI on. */
    public static SimulatorSettings standard(long seed) {
        return new SimulatorSettings(seed, true, true, TradingCosts.standard(), KrxCalendar.standard(),
                FlowSettings.standard());
    }

    /** Only the system's own orders trade: for exact tests of matching and accounts. */
    public static SimulatorSettings withoutParticipants(long seed) {
        return new SimulatorSettings(seed, false, true, TradingCosts.standard(), KrxCalendar.standard(),
                FlowSettings.standard());
    }

    public SimulatorSettings withFlow(FlowSettings newFlow) {
        return new SimulatorSettings(seed, participants, volatilityInterruptions, costs, calendar, newFlow);
    }
}
