package com.aegis.workflows.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Input of the AI stage on {@code aegis-ai}.
 *
 * @param date    the scoring date
 * @param symbols the screened stocks to score
 */
public record AiScoreRequest(LocalDate date, List<String> symbols) {

    public AiScoreRequest {
        Objects.requireNonNull(date, "date");
        symbols = List.copyOf(symbols);
    }
}
