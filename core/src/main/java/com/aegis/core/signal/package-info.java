/**
 * From a final score to orders (requirements E1, E4): {@link com.aegis.core.signal.SignalThresholds} (≥ 75 buy,
 * ≤ 25 sell), {@link com.aegis.core.signal.PositionSizer} (whole shares within the risk limits),
 * {@link com.aegis.core.signal.OrderTypePolicy} (limit/market mix by an explicit sequence number) and
 * {@link com.aegis.core.signal.SliceSchedule} (VWAP/TWAP child slices that sum exactly to the parent).
 */
package com.aegis.core.signal;
