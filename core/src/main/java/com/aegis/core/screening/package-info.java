/**
 * The screener (requirement A1): from every listed stock to the liquid, sizeable, tradable universe the factor model
 * scores. {@link com.aegis.core.screening.Screener#screen} applies a
 * {@link com.aegis.core.screening.ScreenerCriteria} to {@link com.aegis.core.screening.ScreeningInput}s and returns a
 * {@link com.aegis.core.screening.ScreeningResult} that names, for every excluded stock, the first rule it failed and
 * all the rules it failed, with counts per reason.
 */
package com.aegis.core.screening;
