/** The production provider adapters (KIS, KRX data, OpenDART, Yahoo) wired to the simulator or the real domains. */
package com.aegis.workers.providers;
