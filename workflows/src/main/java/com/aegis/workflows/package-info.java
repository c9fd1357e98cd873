/**
 * Temporal workflow interfaces and implementations of AEGIS, and the activity interfaces (ports) they call with their
 * request and result records. Depends only on {@code core} and the Temporal SDK, so every workflow is deterministic and
 * replay-testable: no Spring, no I/O, no wall clock, no unseeded randomness here.
 */
package com.aegis.workflows;
