package com.aegis.marketsim.generator;

import com.aegis.core.market.Symbol;
import java.time.OffsetDateTime;

/**
 * A DART-like filing.
 *
 * @param rceptNo       14-digit receipt number: filing date yyyyMMdd + 6-digit sequence of that day
 * @param filedAt       filing instant with the KST offset (+09:00)
 * @param title         report name as DART shows it, with the period for periodic reports
 * @param tone          direction and strength of the news in -1..1 (what a reader of the filing would conclude)
 * @param plantedReturn total log-return impact the generator planted (jump plus drift); 0 in a null market.
 *                      Ground truth for evaluation, never an input a model may use.
 */
public record Disclosure(String rceptNo, Symbol symbol, String corpCode, String corpName, DisclosureType type,
                         String title, OffsetDateTime filedAt, double tone, double plantedReturn) {
}
