package com.aegis.workers;

import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.services.SimulatedProviders;
import java.sql.SQLException;

/** Loads the simulator's market into the shared PostgreSQL once per JVM, so every test reads one universe. */
final class SimulatedMarketInDatabase {

    private static boolean loaded;

    private SimulatedMarketInDatabase() {
    }

    static synchronized void ensureLoaded(SimulatedProviders simulator) throws SQLException {
        if (!loaded) {
            PostgresHistoryLoader.load(simulator.history(), LocalStack.sharedForTests().dataSource(),
                    ProgressListener.NONE);
            loaded = true;
        }
    }
}
