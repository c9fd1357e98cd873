package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Input of the quant stage.
 *
 * @param date    the scoring date; prices up to the last session before or on it, statements published before it
 * @param symbols the screened stocks
 */
public record QuantRequest(LocalDate date, List<String> symbols) {

    public QuantRequest {
        Objects.requireNonNull(date, "date");
        symbols = List.copyOf(symbols);
    }
}
