package com.aegis.workers;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The workers on the shared embedded stack with a small simulated market on free ports; the schedules are not
 * created, so no timer fires in the middle of a test. Every test class with this annotation shares one application
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"aegis.local.shared-for-tests=true", "aegis.sim.stocks=150", "aegis.sim.years=1",
                "aegis.sim.intraday-stocks=5", "aegis.sim.speed=50", "aegis.sim.kis-rest-port=0",
                "aegis.sim.kis-ws-port=0", "aegis.sim.krx-port=0", "aegis.sim.dart-port=0", "aegis.sim.yahoo-port=0",
                "aegis.providers.token-cache-dir=target/kis-tokens", "aegis.batch.schedules-enabled=false"})
public @interface LocalWorkersTest {
}
