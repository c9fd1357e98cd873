package com.aegis.core.krx;

import com.aegis.core.market.Side;

/**
 * What a fill costs, to the won.
 *
 * @param side       buy or sell
 * @param notional   price × quantity
 * @param commission brokerage commission
 * @param tax        securities transaction tax plus rural special tax (sells only; 0 for buys)
 * @param netCash    signed change of the cash balance: −(notional + commission) for a buy,
 *                   notional − commission − tax for a sell
 */
public record FillCost(Side side, long notional, long commission, long tax, long netCash) {
}
