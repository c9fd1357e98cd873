package com.aegis.workers.sim;

import com.aegis.marketsim.services.SimulatedProviders;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated outside world of the local profile ({@code aegis.sim.*}, or {@code AEGIS_SIM_*} variables). Ports 0
 * pick free ports; {@code clock-start} is the KST time the session clock starts at (08:00 by default). The KIS app key, secret and account here belong to the simulator only, never to a real account.
 */
@ConfigurationProperties("aegis.sim")
public record SimulatorProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20261120") long seed,
                                  @DefaultValue("2800") int stocks,
                                  @DefaultValue("3") int years,
                                  @DefaultValue("20") int intradayStocks,
                                  @DefaultValue("1.0") double speed,
                                  @DefaultValue("9443") int kisRestPort,
                                  @DefaultValue("21000") int kisWsPort,
                                  @DefaultValue("8701") int krxPort,
                                  @DefaultValue("8702") int dartPort,
                                  @DefaultValue("8703") int yahooPort,
                                  @DefaultValue("08:00") java.time.LocalTime clockStart) {

    SimulatedProviders.Settings toSettings() {
        return SimulatedProviders.Settings.localDefaults()
                .withMarket(seed, stocks, years, intradayStocks, speed)
                .withPorts(kisRestPort, kisWsPort, krxPort, dartPort, yahooPort)
                .withClockStart(clockStart);
    }
}
