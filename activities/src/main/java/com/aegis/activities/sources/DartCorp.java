package com.aegis.activities.sources;

import java.time.LocalDate;
import java.util.Optional;

/** One company of CORPCODE.xml; {@code stockCode} is empty for unlisted companies. */
public record DartCorp(String corpCode, String corpName, String corpNameEn, Optional<String> stockCode,
                       LocalDate modifiedOn) {
}
