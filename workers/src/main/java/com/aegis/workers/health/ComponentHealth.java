package com.aegis.workers.health;

import com.aegis.localstack.ComponentStatus;
import com.aegis.workers.stack.CurrentLocalStack;
import org.springframework.boot.actuate.health.Health;

import java.util.Locale;
import java.util.Optional;

/** Shared shape of the component health reports: state, address, version, and where the component runs. */
final class ComponentHealth {

    private ComponentHealth() {
    }

    static Health.Builder up(String component, String address, String version) {
        return Health.up()
                .withDetail("address", address)
                .withDetail("version", version == null || version.isBlank() ? localVersion(component).orElse("unknown") : version)
                .withDetail("mode", CurrentLocalStack.get().isPresent() ? "embedded" : "external");
    }

    static Health down(String component, String address, Exception cause) {
        return Health.down()
                .withDetail("address", address)
                .withDetail("version", localVersion(component).orElse("unknown"))
                .withDetail("mode", CurrentLocalStack.get().isPresent() ? "embedded" : "external")
                .withDetail("error", cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .build();
    }

    /** The version the embedded stack reports for a component, when it runs embedded. */
    static Optional<String> localVersion(String component) {
        String wanted = component.toLowerCase(Locale.ROOT);
        return CurrentLocalStack.get().flatMap(stack -> stack.status().stream()
                .filter(s -> s.component().toLowerCase(Locale.ROOT).contains(wanted))
                .map(ComponentStatus::version)
                .findFirst());
    }
}
