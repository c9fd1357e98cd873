package com.aegis.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The main deployable of AEGIS: hosts the Temporal workers of every main task queue, runs the realtime path and serves
 * the health endpoints. With the {@code local} profile (the default) it starts the embedded stack first; with the
 * {@code prod} profile it connects to external services and refuses to start when one is unreachable.
 */
@SpringBootApplication(scanBasePackages = "com.aegis")
@ConfigurationPropertiesScan("com.aegis")
public class AegisWorkersApplication {

    public static void main(String[] args) {
        SpringApplication.run(AegisWorkersApplication.class, args);
    }
}
