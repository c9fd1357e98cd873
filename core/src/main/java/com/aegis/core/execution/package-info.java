/**
 * The order-execution domain: typed identifiers ({@link com.aegis.core.execution.ClientOrderId},
 * {@link com.aegis.core.execution.TradeId}, ...), commands ({@link com.aegis.core.execution.SubmitOrder},
 * {@link com.aegis.core.execution.CancelOrder}, {@link com.aegis.core.execution.ModifyOrder}), past-tense events
 * ({@link com.aegis.core.execution.OrderEvent}), the single transition table
 * ({@link com.aegis.core.execution.OrderStatus#transition}), the {@link com.aegis.core.execution.Order} aggregate
 * (exact fill accounting, duplicate fills ignored by trade id, overfills refused) and the
 * {@link com.aegis.core.execution.ExecutionReport}. Pure Java; time arrives in the events.
 */
package com.aegis.core.execution;
