package com.aegis.activities.testing;

import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.PlantedEffects;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.providers.MarketHistoryProviderData;
import com.aegis.marketsim.providers.ProviderData;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * The one synthetic market every database-backed test of this module shares: 300 stocks, two years ending
 * 2026-11-20, generated once per JVM and loaded into the local stack's PostgreSQL (migrated first). Tests that change
 * market rows keep to their own dates: collection tests only write sessions from {@link #COLLECTION_FROM} on,
 * scoring tests only score dates before it, so neither sees the other's changes.
 */
public final class TestMarket {

    public static final long SEED = 20_261_120L;
    public static final LocalDate END = LocalDate.of(2026, 11, 20);
    /** First session the collection tests may rewrite. */
    public static final LocalDate COLLECTION_FROM = LocalDate.of(2026, 11, 16);

    private static MarketHistory history;
    private static ProviderData providerData;

    private TestMarket() {
    }

    /** The generated history, loaded into the shared database on first use. */
    public static synchronized MarketHistory history() {
        if (history == null) {
            MarketHistory generated = MarketGenerator.generate(
                    new GeneratorConfig(SEED, 300, 2, END, false, PlantedEffects.defaults()), ProgressListener.NONE);
            DataSource dataSource = dataSource();
            Migrations.migrate(dataSource);
            try {
                PostgresHistoryLoader.load(generated, dataSource, ProgressListener.NONE);
            } catch (SQLException e) {
                throw new IllegalStateException("loading the test market into PostgreSQL failed", e);
            }
            history = generated;
        }
        return history;
    }

    /** The same history as the simulated providers (KRX, OpenDART, Yahoo, KIS) serve it. */
    public static synchronized ProviderData providerData() {
        if (providerData == null) {
            providerData = new MarketHistoryProviderData(history());
        }
        return providerData;
    }

    public static DataSource dataSource() {
        return LocalStack.sharedForTests().dataSource();
    }
}
