/**
 * The trading control in the workers: the day's {@code TradingControlWorkflow} and its activities (mode audit,
 * alerts and incidents, cancel-all, order starts) and the order store on {@code aegis-orders}.
 */
package com.aegis.workers.trading;
