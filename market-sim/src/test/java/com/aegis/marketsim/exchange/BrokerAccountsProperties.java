package com.aegis.marketsim.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.clock.SimulationClock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Two accounts trading with each other through the simulator: money and shares are never created or lost. */
class BrokerAccountsProperties {

    private static final Symbol STOCK = Symbol.of("005930");
    private static final AccountId A = new AccountId("A");
    private static final AccountId B = new AccountId("B");
    private static final long CASH = 5_000_000;
    private static final long SHARES = 300;

    @Property(tries = 150)
    void cash_and_shares_are_conserved_and_reservations_never_go_negative(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 999_999) Integer> script) {
        SimulationClock clock = SimulationClock.stepped(EngineFixture.kst(8, 0));
        ExchangeSimulator sim = new ExchangeSimulator(clock, SimulatorSettings.withoutParticipants(1));
        sim.openDay(EngineFixture.DAY, List.of(
                new DayPlan(STOCK, Market.KOSPI, true, 10_000, 10_000, 10_500, 9_800, 10_200, 0, false)));
        for (AccountId account : List.of(A, B)) {
            sim.openAccount(account, CASH);
            sim.setHolding(account, STOCK, SHARES);
        }
        sim.runUntil(LocalTime.of(9, 0, 1));
        List<ExchangeOrderId> ids = new ArrayList<>();
        List<AccountId> owners = new ArrayList<>();
        int key = 0;
        for (int step : script) {
            AccountId account = step % 2 == 0 ? A : B;
            int kind = (step / 2) % 6;
            Side side = (step / 12) % 2 == 0 ? Side.BUY : Side.SELL;
            long price = 10_000 + 10L * ((step / 24) % 21 - 10);
            long qty = 1 + (step / 504) % 120;
            if (kind <= 2 || ids.isEmpty()) {
                NewOrder order = kind == 0
                        ? NewOrder.market(new ClientOrderKey("k" + (++key)), account, STOCK, side, qty)
                        : NewOrder.limit(new ClientOrderKey("k" + (++key)), account, STOCK, side, price, qty);
                if (sim.submit(order) instanceof OrderAccepted accepted) {
                    ids.add(accepted.orderId());
                    owners.add(account);
                }
            } else {
                int pick = (step / 7) % ids.size();
                if (kind == 3) {
                    sim.cancel(new CancelOrder(owners.get(pick), ids.get(pick)));
                } else {
                    sim.modify(new ModifyOrder(owners.get(pick), ids.get(pick), price, qty));
                }
            }
            AccountSnapshot a = sim.account(A).orElseThrow();
            AccountSnapshot b = sim.account(B).orElseThrow();
            for (AccountSnapshot s : List.of(a, b)) {
                assertThat(s.reservedCash()).isNotNegative();
                assertThat(s.availableCash()).isNotNegative();
                assertThat(s.holding(STOCK)).isNotNegative();
                assertThat(s.availableShares(STOCK)).isNotNegative();
            }
            assertThat(a.cash() + b.cash() + a.commissionPaid() + b.commissionPaid() + a.taxPaid() + b.taxPaid())
                    .isEqualTo(2 * CASH);
            assertThat(a.holding(STOCK) + b.holding(STOCK)).isEqualTo(2 * SHARES);
        }
        sim.runUntil(LocalTime.of(15, 31));
        for (AccountId account : List.of(A, B)) {
            AccountSnapshot s = sim.account(account).orElseThrow();
            assertThat(s.reservedCash()).isZero();
            assertThat(s.availableShares(STOCK)).isEqualTo(s.holding(STOCK));
        }
    }
}
