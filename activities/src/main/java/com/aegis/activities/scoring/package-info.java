/**
 * The scoring pipeline's stages (requirements A1, A2, A4, I2) as activities over PostgreSQL: screening of the listed
 * universe, factor and quant scores, final scores with the AI part or quant-only, the watchlist on Kafka and the
 * weekly rebalance targets; plus {@link com.aegis.activities.scoring.ScoreQueries}, the read side that lists and
 * explains stored scores. The math is {@code com.aegis.core}'s; everything each stage decides is persisted, so any
 * score can be rebuilt and explained from the database alone.
 */
package com.aegis.activities.scoring;
