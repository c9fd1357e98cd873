package com.aegis.marketsim.generator;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 style CSV fields: quoted only when they contain a comma, quote or line break. */
final class Csv {

    private Csv() {
    }

    static void field(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            out.append(value);
        }
    }

    static List<String> parse(String line) {
        if (line.indexOf('"') < 0) {
            List<String> fields = new ArrayList<>(16);
            int from = 0;
            int comma;
            while ((comma = line.indexOf(',', from)) >= 0) {
                fields.add(line.substring(from, comma));
                from = comma + 1;
            }
            fields.add(line.substring(from));
            return fields;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    /** Fixed-point text of a value already rounded to at most {@code scale} decimals; identical on every JVM. */
    static String decimal(double value, int scale) {
        long factor = 1;
        for (int i = 0; i < scale; i++) {
            factor *= 10;
        }
        long units = Math.round(value * factor);
        StringBuilder sb = new StringBuilder();
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        sb.append(units / factor);
        if (scale > 0) {
            String frac = Long.toString(units % factor);
            sb.append('.');
            for (int i = frac.length(); i < scale; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }
}
