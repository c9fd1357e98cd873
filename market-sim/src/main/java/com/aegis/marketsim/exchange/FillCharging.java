package com.aegis.marketsim.exchange;

import com.aegis.core.market.Side;

/** Prices one fill for an account: commission on both sides, securities transaction tax on sells. */
@FunctionalInterface
public interface FillCharging {

    /** No costs: the simulated crowd and cost-free test set-ups. */
    FillCharging NONE = (side, price, quantity) -> FillCharges.NONE;

    FillCharges charge(Side side, long price, long quantity);
}
