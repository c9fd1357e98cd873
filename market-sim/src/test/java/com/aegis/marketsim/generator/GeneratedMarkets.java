package com.aegis.marketsim.generator;

import java.util.concurrent.ConcurrentHashMap;

/** Histories shared by the tests of this package, generated once per JVM. */
final class GeneratedMarkets {

    static final long SEED = 20261120L;
    private static final ConcurrentHashMap<GeneratorConfig, MarketHistory> CACHE = new ConcurrentHashMap<>();

    private GeneratedMarkets() {
    }

    /** 300 stocks over 3 years with the default planted effects. */
    static GeneratorConfig smallConfig() {
        return GeneratorConfig.defaults(SEED).withStocks(300);
    }

    static MarketHistory small() {
        return of(smallConfig());
    }

    static MarketHistory smallNull() {
        return of(smallConfig().withNullMarket(true));
    }

    /** The full default universe: 2,800 stocks over 3 years. */
    static MarketHistory fullDefault() {
        return of(GeneratorConfig.defaults(SEED));
    }

    static MarketHistory of(GeneratorConfig config) {
        return CACHE.computeIfAbsent(config, c -> MarketGenerator.generate(c, ProgressListener.NONE));
    }
}
