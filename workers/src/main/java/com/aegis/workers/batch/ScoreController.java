package com.aegis.workers.batch;

import com.aegis.activities.cache.CacheRegion;
import com.aegis.activities.cache.LastGood;
import com.aegis.activities.cache.TieredAnalyticsCache;
import com.aegis.activities.scoring.ScoreQueries;
import com.aegis.activities.scoring.ScoreRow;
import com.aegis.core.krx.KrxCalendar;
import com.aegis.workflows.batch.DailyPreOpenWorkflowImpl;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stock's final score for a trading date, read through the analytics cache (L1, then Redis, then PostgreSQL). When
 * the date has no score because its pipeline failed, the previous session's score is served if it is at most
 * {@value DailyPreOpenWorkflowImpl#STALE_LIMIT_HOURS} hours old, marked stale (I2).
 */
@RestController
public class ScoreController {

    /** The answer: the score, whether it is stale, and which date it was computed for. */
    public record ScoreResponse(String symbol, String date, String scoresDate, boolean stale, String staleReason,
                                ScoreRow score) {
    }

    private final TieredAnalyticsCache cache;
    private final ScoreQueries queries;
    private final Clock clock = Clock.systemUTC();

    public ScoreController(TieredAnalyticsCache cache, DSLContext db) {
        this.cache = cache;
        this.queries = new ScoreQueries(db);
    }

    @GetMapping("/scores/{symbol}")
    public ResponseEntity<?> score(@PathVariable String symbol, @RequestParam String date) {
        if (!symbol.matches("[0-9A-Z]{6}")) {
            return error(HttpStatus.BAD_REQUEST, "symbol must be a six-character KRX code, got '" + symbol + "'");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return error(HttpStatus.BAD_REQUEST, "date must be YYYY-MM-DD, got '" + date + "'");
        }
        ScoreRow fresh = cache.get(CacheRegion.FINAL_SCORE, symbol, day.toString(), ScoreRow.class,
                () -> queries.score(symbol, day).orElse(null));
        if (fresh != null) {
            return ResponseEntity.ok(new ScoreResponse(symbol, day.toString(), day.toString(), false, null, fresh));
        }
        if (queries.scores(day, 1).isEmpty()) {
            LocalDate previous = KrxCalendar.standard().previousTradingDay(day);
            Duration limit = Duration.ofHours(DailyPreOpenWorkflowImpl.STALE_LIMIT_HOURS);
            java.util.Optional<LastGood<ScoreRow>> lastGood = cache.lastGood(CacheRegion.FINAL_SCORE, symbol,
                    previous.toString(), ScoreRow.class).filter(g -> g.age(clock.instant()).compareTo(limit) <= 0);
            if (lastGood.isPresent()) {
                return ResponseEntity.ok(new ScoreResponse(symbol, day.toString(), previous.toString(), true,
                        "no scores for " + day + "; the last good score of " + previous + ", "
                                + lastGood.get().age(clock.instant()).toMinutes() + " min old", lastGood.get().value()));
            }
            return error(HttpStatus.NOT_FOUND, "no scores for " + day + " and no score of " + symbol + " from "
                    + previous + " within " + DailyPreOpenWorkflowImpl.STALE_LIMIT_HOURS + " h");
        }
        return error(HttpStatus.NOT_FOUND, symbol + " was not scored on " + day + " (not screened)");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
