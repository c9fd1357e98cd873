package com.aegis.marketsim.generator;

import java.util.Objects;

/**
 * An industry of the KRX classification.
 *
 * @param code   KRX industry index code, e.g. {@code "1013"}
 * @param nameKo Korean name as KRX publishes it, e.g. 전기전자
 * @param nameEn English name, e.g. Electrical &amp; Electronics
 */
public record SectorDef(String code, String nameKo, String nameEn) {
    public SectorDef {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameKo, "nameKo");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
