/**
 * The trading control (requirements E2, I3, P3): one {@link com.aegis.workflows.control.TradingControlWorkflow} per
 * KST trading day holds the operator's mode (AUTO / MANUAL / HALTED), the account's trading state against the daily
 * loss limit, the I3 procedure on a trading failure, and the gate every order decision passes before an order
 * workflow is started.
 */
package com.aegis.workflows.control;
