/**
 * Abnormal-value checks on collected data (requirement D3): Tukey fences on the interquartile range
 * ({@link com.aegis.core.validation.TukeyFences}) and z-score limits per cross-section or against a field's own history
 * ({@link com.aegis.core.validation.ZScoreCheck}), combined by {@link com.aegis.core.validation.CrossSectionValidator}.
 * Every value ends up either accepted or in a {@link com.aegis.core.validation.Rejection} with its reason and the
 * bounds it broke; nothing is dropped silently. {@link com.aegis.core.validation.Statistics} holds the shared
 * descriptive statistics (mean, standard deviation, type-7 quantiles) the factor and scoring packages reuse.
 */
package com.aegis.core.validation;
