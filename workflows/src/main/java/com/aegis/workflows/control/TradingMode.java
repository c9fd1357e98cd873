package com.aegis.workflows.control;

/**
 * The operator's mode of the trading control. AUTO starts order decisions at once (subject to the trading state),
 * MANUAL records them and waits for an operator's approval, HALTED is the kill switch: no decision starts, open
 * orders are cancelled and the trading state is HALTED until an operator switches back.
 */
public enum TradingMode {
    AUTO,
    MANUAL,
    HALTED
}
