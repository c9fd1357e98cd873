package com.aegis.activities.kis.ws;

import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads one record's fields in order, typing each; a field that does not parse fails with its TR, record number,
 * position and KIS name. Values of fields from encrypted TRs are never quoted, since they carry account data.
 */
final class KisFieldReader {

    private final KisRealtimeTr tr;
    private final String[] fields;
    private final int recordIndex;
    private int position;

    KisFieldReader(KisRealtimeTr tr, String[] fields, int recordIndex) {
        this.tr = tr;
        this.fields = fields;
        this.recordIndex = recordIndex;
        this.position = recordIndex * tr.fieldCount();
    }

    private String next() {
        return fields[position++];
    }

    private KisMalformedFrameException bad(String name, String value, String expected) {
        int fieldNumber = position - recordIndex * tr.fieldCount();
        String shown = tr.isFillNotice() ? "(value withheld)" : "'" + value + "'";
        return new KisMalformedFrameException(tr.trId() + " record " + (recordIndex + 1) + " field " + fieldNumber
                + " " + name + ": " + shown + " is not " + expected);
    }

    String text(String name) {
        return next();
    }

    long number(String name) {
        String value = next();
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw bad(name, value, "a whole number");
        }
    }

    long numberOrZero(String name) {
        String value = fields[position];
        if (value.isBlank()) {
            position++;
            return 0;
        }
        return number(name);
    }

    BigDecimal decimal(String name) {
        String value = next();
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw bad(name, value, "a decimal number");
        }
    }

    LocalTime time(String name) {
        String value = next();
        if (value.length() != 6 || !value.chars().allMatch(Character::isDigit)) {
            throw bad(name, value, "a time HHmmss");
        }
        try {
            return LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(4, 6)));
        } catch (DateTimeException e) {
            throw bad(name, value, "a time HHmmss");
        }
    }

    LocalDate date(String name) {
        String value = next();
        if (value.length() != 8 || !value.chars().allMatch(Character::isDigit)) {
            throw bad(name, value, "a date yyyyMMdd");
        }
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (DateTimeException e) {
            throw bad(name, value, "a date yyyyMMdd");
        }
    }

    Symbol symbol(String name) {
        String value = next();
        try {
            return Symbol.of(value);
        } catch (IllegalArgumentException e) {
            throw bad(name, value, "a 6-digit KRX short code");
        }
    }

    PriceChangeSign sign(String name) {
        String value = next();
        try {
            return PriceChangeSign.ofCode(value);
        } catch (IllegalArgumentException e) {
            throw bad(name, value, "a change sign 1-5");
        }
    }

    TradeInitiator initiator(String name) {
        String value = next();
        try {
            return TradeInitiator.ofCode(value);
        } catch (IllegalArgumentException e) {
            throw bad(name, value, "1 (buy), 3 (auction) or 5 (sell)");
        }
    }

    boolean yesNo(String name) {
        String value = next();
        return switch (value) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw bad(name, value, "Y or N");
        };
    }

    /** Wraps a decoder's own checks (e.g. an unknown code) with the record's position. */
    KisMalformedFrameException wrap(IllegalArgumentException e) {
        String detail = tr.isFillNotice() ? "a field has an unexpected code" : e.getMessage();
        return new KisMalformedFrameException(tr.trId() + " record " + (recordIndex + 1) + ": " + detail, e);
    }
}
