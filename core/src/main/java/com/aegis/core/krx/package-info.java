/**
 * The rules of the Korea Exchange as the system must obey them: tick sizes ({@link com.aegis.core.krx.TickSize}),
 * daily price limits ({@link com.aegis.core.krx.PriceLimits}), sessions and special schedules
 * ({@link com.aegis.core.krx.TradingSessions}, {@link com.aegis.core.krx.TradingDaySchedule}), volatility
 * interruptions ({@link com.aegis.core.krx.VolatilityInterruption}), the trading calendar
 * ({@link com.aegis.core.krx.KrxCalendar}) and trading costs ({@link com.aegis.core.krx.TradingCosts}).
 * Pure functions of their inputs: no clock, no I/O.
 */
package com.aegis.core.krx;
