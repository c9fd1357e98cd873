package com.aegis.marketsim.generator;

/** Kind of listed share; preferred shares trade under the common code with a last digit of 5. */
public enum SecurityType { COMMON, PREFERRED }
