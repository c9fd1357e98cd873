package com.aegis.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class ValidationPropertiesTest {

    @Property(tries = 300)
    void everyValueIsEitherAcceptedOrRejectedNeverDropped(
            @ForAll @Size(max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
            @ForAll @DoubleRange(min = 0.5, max = 5) double k) {
        Map<String, Double> byKey = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            byKey.put("k" + i, values.get(i));
        }
        ValidationOutcome outcome = new CrossSectionValidator(new TukeyFences(k), new ZScoreCheck(k))
                .validate("f", byKey);
        Set<String> seen = new HashSet<>(outcome.accepted().keySet());
        for (Rejection r : outcome.rejected()) {
            assertThat(seen.add(r.key())).as("key %s reported twice", r.key()).isTrue();
            assertThat(r.bounds().contains(r.value())).isFalse();
        }
        assertThat(seen).isEqualTo(byKey.keySet());
    }
}
