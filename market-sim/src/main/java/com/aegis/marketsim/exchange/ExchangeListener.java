package com.aegis.marketsim.exchange;

/** Receives exchange events on the simulator's thread, in sequence order; must not block. */
@FunctionalInterface
public interface ExchangeListener {

    void onEvent(ExchangeEvent event);
}
