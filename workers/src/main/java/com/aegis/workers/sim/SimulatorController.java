package com.aegis.workers.sim;

import com.aegis.marketsim.services.FaultMode;
import com.aegis.marketsim.services.SimulatedProviders;
import com.aegis.marketsim.services.SimulatedService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's handle on the simulated world: list the services and switch one to a failure mode (used by
 * {@code aegis sim} and by tests).
 */
@RestController
@RequestMapping("/sim")
@Profile("local")
@ConditionalOnProperty(name = "aegis.sim.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorController {

    private final SimulatedProviders providers;

    public SimulatorController(SimulatedProviders providers) {
        this.providers = providers;
    }

    @GetMapping("/services")
    public List<SimulatedService> services() {
        return providers.services();
    }

    @PostMapping("/faults")
    public List<SimulatedService> setFault(@RequestParam String service, @RequestParam String mode,
                                           @RequestParam(defaultValue = "0.05") double rate,
                                           @RequestParam(defaultValue = "3") long amount) {
        FaultMode faultMode;
        try {
            faultMode = FaultMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown fault mode '" + mode + "'; known: "
                    + String.join(", ", java.util.Arrays.stream(FaultMode.values()).map(Enum::name).toList()));
        }
        providers.setFaultMode(service, faultMode, rate, amount);
        return providers.services();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }
}
