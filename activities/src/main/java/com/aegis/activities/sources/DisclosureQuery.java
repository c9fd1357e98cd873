package com.aegis.activities.sources;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A list.json search: filings received within [from, to] (KST dates), optionally of one company and one
 * publication type (A periodic, B major events, I exchange disclosures...). Without a company OpenDART allows at
 * most three months.
 */
public record DisclosureQuery(LocalDate from, LocalDate to, Optional<String> corpCode,
                              Optional<String> publicationType) {
    public DisclosureQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("disclosure search ends " + to + " before it starts " + from);
        }
        corpCode = corpCode == null ? Optional.empty() : corpCode;
        publicationType = publicationType == null ? Optional.empty() : publicationType;
    }

    public static DisclosureQuery between(LocalDate from, LocalDate to) {
        return new DisclosureQuery(from, to, Optional.empty(), Optional.empty());
    }

    public DisclosureQuery ofCompany(String corpCode) {
        return new DisclosureQuery(from, to, Optional.of(corpCode), publicationType);
    }

    public DisclosureQuery ofType(String publicationType) {
        return new DisclosureQuery(from, to, corpCode, Optional.of(publicationType));
    }
}
