package com.aegis.localstack;

import java.util.Objects;

/**
 * What {@link LocalStack#status()} reports for one component.
 *
 * @param component display name, e.g. "PostgreSQL"
 * @param address   host:port clients connect to
 * @param state     UP when the health probe answered, DOWN otherwise
 * @param version   the component's version string
 * @param detail    what the probe saw: database, topics, data directory, or why it is down
 */
public record ComponentStatus(String component, String address, State state, String version, String detail) {

    public enum State { UP, DOWN }

    public ComponentStatus {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isUp() {
        return state == State.UP;
    }
}
