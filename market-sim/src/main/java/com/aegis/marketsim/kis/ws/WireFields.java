package com.aegis.marketsim.kis.ws;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** Writes one record's fields in KIS's {@code ^}-separated form (HHmmss times, yyyyMMdd dates, plain decimals). */
final class WireFields {

    private final StringBuilder out;
    private boolean first = true;

    WireFields(StringBuilder out) {
        this.out = out;
    }

    WireFields text(String value) {
        if (value.indexOf('^') >= 0 || value.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a KIS field must not contain '^' or '|': " + value);
        }
        if (!first) {
            out.append('^');
        }
        first = false;
        out.append(value);
        return this;
    }

    WireFields number(long value) {
        return text(Long.toString(value));
    }

    WireFields decimal(BigDecimal value) {
        return text(value.toPlainString());
    }

    WireFields time(LocalTime value) {
        return text(String.format("%02d%02d%02d", value.getHour(), value.getMinute(), value.getSecond()));
    }

    WireFields date(LocalDate value) {
        return text(String.format("%04d%02d%02d", value.getYear(), value.getMonthValue(), value.getDayOfMonth()));
    }

    WireFields sign(PriceChangeSign sign) {
        return text(sign.code());
    }

    WireFields flag(boolean yes) {
        return text(yes ? "Y" : "N");
    }
}
