/**
 * Order persistence in PostgreSQL (V5): {@link com.aegis.activities.orders.OrderStoreActivitiesImpl} writes the
 * order lifecycle workflow's {@code orders} row, {@code order_event} history, {@code fill} rows and
 * {@code execution_report}; {@link com.aegis.activities.orders.OrderQueries} reads them back for operators, the fill
 * consumer and reconciliation.
 */
package com.aegis.activities.orders;
