package com.aegis.core.validation;

/** Why a collected value was not accepted. */
public enum RejectionReason {
    /** NaN or infinite: the collector produced no usable number. */
    NOT_FINITE,
    /** Outside the Tukey fences Q1 − k·IQR .. Q3 + k·IQR of its cross-section. */
    OUTSIDE_TUKEY_FENCES,
    /** More than the allowed number of standard deviations from the mean of its cross-section or history. */
    Z_SCORE_EXCEEDED
}
