package com.aegis.core.factors;

import java.util.Objects;

/**
 * An industry classification used for sector-neutral standardisation, e.g. the KRX industry name
 * ({@code "전기전자"}) or a GICS sector code.
 *
 * @param name non-blank sector name
 */
public record Sector(String name) {

    public Sector {
        Objects.requireNonNull(name, "sector name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("sector name must not be blank");
        }
    }

    public static Sector of(String name) {
        return new Sector(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
