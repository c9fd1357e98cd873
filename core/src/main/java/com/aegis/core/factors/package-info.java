/**
 * The factor library (requirement A2): the 12 factors of the quant model ({@link com.aegis.core.factors.Factor}, in
 * five {@link com.aegis.core.factors.FactorCategory categories}) computed point in time by
 * {@link com.aegis.core.factors.FactorCalculator} from a stock's {@link com.aegis.core.factors.PriceHistory}, its
 * {@link com.aegis.core.factors.FinancialStatement}s and a market {@link com.aegis.core.factors.IndexHistory}.
 * {@link com.aegis.core.factors.PointInTime} is the look-ahead guard: only statements published strictly before the
 * scoring date are used. A value that cannot be computed is a {@link com.aegis.core.factors.FactorValue#missing}
 * with a {@link com.aegis.core.factors.MissingReason}, never a silent zero.
 */
package com.aegis.core.factors;
