/**
 * The broker port of the order workflows over KIS: {@link com.aegis.activities.broker.KisBrokerActivities} places,
 * modifies, cancels and inquires orders through {@link com.aegis.activities.kis.rest.KisRestClient}, idempotent per
 * broker order key and reconciled with KIS's daily order inquiry; {@link com.aegis.activities.broker.BrokerLedger}
 * keeps the keys, the order numbers each order has had and the workflow they route fill notices to (V9).
 */
package com.aegis.activities.broker;
