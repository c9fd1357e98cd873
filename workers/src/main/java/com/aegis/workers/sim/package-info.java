/** The simulated outside world of the local profile: started with the workers, reported in health, switchable. */
package com.aegis.workers.sim;
