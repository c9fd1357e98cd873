package com.aegis.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.krx.FillCost;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * No won is lost or invented: after any sequence of buys and sells, realised P&amp;L minus the cost basis still
 * held equals the net cash of all trades, so realised + unrealised P&amp;L at a mark is the cash flow plus the
 * holding's market value.
 */
class PositionPropertiesTest {

    private static final TradingCosts COSTS = TradingCosts.standard();

    @Property(tries = 300)
    void pnlReconcilesWithCashToTheWon(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -500, max = 500) Integer> quantities,
            @ForAll @Size(min = 40, max = 40) List<@LongRange(min = 1, max = 1_500_000) Long> prices,
            @ForAll @IntRange(min = 2024, max = 2026) int year,
            @ForAll Market market) {
        LocalDate date = LocalDate.of(year, 3, 6);
        Position p = Position.flat(PositionTest.SAMSUNG, market);
        long netCash = 0;
        for (int i = 0; i < quantities.size(); i++) {
            int q = quantities.get(i);
            Side side = q >= 0 ? Side.BUY : Side.SELL;
            long shares = side == Side.BUY ? q : Math.min(-q, p.quantity());
            if (shares == 0) {
                continue;
            }
            Trade t = PositionTest.trade(PositionTest.SAMSUNG, market, side, prices.get(i), shares, date);
            FillCost cost = COSTS.cost(side, market, date, t.price(), shares);
            p = p.apply(t, cost);
            netCash += cost.netCash();
        }
        assertThat(p.realisedPnl() - p.costBasis()).isEqualTo(netCash);
        long mark = prices.get(39);
        if (!p.isFlat()) {
            assertThat(p.realisedPnl() + p.unrealisedPnl(mark)).isEqualTo(netCash + p.marketValue(mark));
        }
        assertThat(p.bookValue()).isLessThanOrEqualTo(p.costBasis());
    }
}
