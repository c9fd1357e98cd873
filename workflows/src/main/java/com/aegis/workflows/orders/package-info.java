/**
 * Order execution as durable workflows (P3, E3–E5): {@link com.aegis.workflows.orders.OrderLifecycleWorkflow} takes
 * one order decision through validation, submission, fills, the 30 s partial cancel and the 10-minute re-order or
 * cancel reviews to a terminal status and an execution report. The activity ports are
 * {@link com.aegis.workflows.orders.BrokerActivities} (task queue {@code aegis-broker}),
 * {@link com.aegis.workflows.orders.OrderCheckActivities} and {@link com.aegis.workflows.orders.OrderStoreActivities}
 * (task queue {@code aegis-orders}). The order's state machine, fill de-duplication and cost arithmetic are core's.
 */
package com.aegis.workflows.orders;
