/** Health of each infrastructure component (state, address, version) for the actuator and {@code aegis status}. */
package com.aegis.workers.health;
