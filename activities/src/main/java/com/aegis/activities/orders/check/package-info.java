/**
 * The data-backed pre-trade check of the order lifecycle workflow (requirements E2, E3):
 * {@link com.aegis.activities.orders.check.OrderCheckActivitiesImpl} reads the account (positions, cash ledger, open
 * orders, start-of-day equity) and the instruments from PostgreSQL, prices them through a
 * {@link com.aegis.activities.orders.check.LastPriceSource} and runs core's {@code RiskCheck}.
 */
package com.aegis.activities.orders.check;
