package com.aegis.workflows.control;

/**
 * An operator's request to change the mode ({@code aegis mode manual|auto|halt --reason ...}). Valid only with a
 * non-blank reason, an operator the day's control knows, and a mode different from the current one.
 *
 * @param mode     the mode wanted
 * @param reason   why, as the audit trail shows it
 * @param operator who asks; must be one of the control's operators
 */
public record ModeChange(TradingMode mode, String reason, String operator) {
}
