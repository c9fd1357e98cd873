package com.aegis.workers.trading;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trading configuration.
 *
 * @param account   the trading account orders are placed for ({@code AEGIS_TRADING_ACCOUNT})
 * @param operators who may change the trading mode and approve orders ({@code AEGIS_TRADING_OPERATORS}, comma
 *                  separated)
 */
@ConfigurationProperties("aegis.trading")
public record TradingProperties(@DefaultValue("local-sim") String account,
                                @DefaultValue("operator") List<String> operators) {
}
