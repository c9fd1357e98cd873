package com.aegis.workers.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where the provider adapters point when the simulator is not running ({@code aegis.providers.*}). Credentials never
 * come from here: KIS from {@code KIS_APP_KEY}/{@code KIS_APP_SECRET}/{@code KIS_ACCOUNT_NO} or {@code KIS_SECRET_FILE},
 * OpenDART from {@code DART_API_KEY} or {@code DART_API_KEY_FILE}.
 *
 * @param kisEnvironment {@code live} or {@code paper} (paper-trading TR IDs and domain)
 * @param kisBaseUrl     overrides the KIS REST domain (empty = the environment's own)
 */
@ConfigurationProperties("aegis.providers")
public record ProviderProperties(@DefaultValue("paper") String kisEnvironment,
                                 URI kisBaseUrl,
                                 @DefaultValue("https://data.krx.co.kr") URI krxBaseUrl,
                                 @DefaultValue("https://opendart.fss.or.kr") URI dartBaseUrl,
                                 @DefaultValue("https://query1.finance.yahoo.com") URI yahooBaseUrl,
                                 @DefaultValue("20000") int dartDailyQuota,
                                 String tokenCacheDir) {
}
