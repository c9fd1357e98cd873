package com.aegis.activities.sources;

import com.aegis.core.market.Symbol;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reads KRX's string fields: comma-grouped numbers, "-" or "" for missing; names the row and field on failure. */
final class KrxFields {

    private final String source;
    private final String screen;

    KrxFields(String source, String screen) {
        this.source = source;
        this.screen = screen;
    }

    String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            throw new SourceProtocolException(source, screen + " row " + brief(row) + " misses field " + field);
        }
        return v.asText().trim();
    }

    Symbol symbol(JsonNode row) {
        String code = text(row, "ISU_SRT_CD");
        try {
            return Symbol.of(code);
        } catch (IllegalArgumentException e) {
            throw new SourceProtocolException(source, screen + " has a malformed ISU_SRT_CD '" + code + "'", e);
        }
    }

    long longValue(JsonNode row, String field) {
        OptionalLong v = optionalLong(row, field);
        if (v.isEmpty()) {
            throw new SourceProtocolException(source, screen + " row " + brief(row) + " has no value in " + field);
        }
        return v.getAsLong();
    }

    OptionalLong optionalLong(JsonNode row, String field) {
        String s = text(row, field);
        if (missing(s)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s.replace(",", "")));
        } catch (NumberFormatException e) {
            throw new SourceProtocolException(source, screen + " row " + brief(row) + " field " + field
                    + " is not a whole number: '" + s + "'", e);
        }
    }

    double doubleValue(JsonNode row, String field) {
        OptionalDouble v = optionalDouble(row, field);
        if (v.isEmpty()) {
            throw new SourceProtocolException(source, screen + " row " + brief(row) + " has no value in " + field);
        }
        return v.getAsDouble();
    }

    OptionalDouble optionalDouble(JsonNode row, String field) {
        String s = text(row, field);
        if (missing(s)) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s.replace(",", "")));
        } catch (NumberFormatException e) {
            throw new SourceProtocolException(source, screen + " row " + brief(row) + " field " + field
                    + " is not a number: '" + s + "'", e);
        }
    }

    private static boolean missing(String s) {
        return s.isEmpty() || s.equals("-");
    }

    private static String brief(JsonNode row) {
        JsonNode code = row.get("ISU_SRT_CD");
        if (code != null) {
            return code.asText();
        }
        JsonNode date = row.get("TRD_DD");
        return date != null ? date.asText() : "?";
    }
}
