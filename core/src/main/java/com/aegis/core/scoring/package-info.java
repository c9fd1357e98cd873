/**
 * From factor values to the final 0–100 score (requirements A2 and A4).
 * <ol>
 *   <li>{@link com.aegis.core.scoring.CrossSectionStandardiser}: winsorise ({@link com.aegis.core.scoring.Winsorizer}),
 *       z-score ({@link com.aegis.core.scoring.ZScores}) within the sector for value and quality, across the market
 *       for momentum, volatility and growth; sign-flip lower-is-better factors; impute missing values
 *       ({@link com.aegis.core.scoring.MissingValuePolicy}).</li>
 *   <li>{@link com.aegis.core.scoring.RegimeDetector}: bull / bear / sideways / high volatility from the index;
 *       {@link com.aegis.core.scoring.RegimeWeights}: category weights per regime.</li>
 *   <li>{@link com.aegis.core.scoring.QuantScorer}: category scores and the quant score.</li>
 *   <li>{@link com.aegis.core.scoring.FinalScorer}: min-max → 40/60 blend with the AI score → z → 100·Φ(z) →
 *       BUY ≥ 75 / SELL ≤ 25; quant-only degraded mode; a {@link com.aegis.core.scoring.ScoreExplanation} for
 *       every score.</li>
 * </ol>
 * {@link com.aegis.core.scoring.DailyScoring} runs these steps in order for one trading date.
 */
package com.aegis.core.scoring;
