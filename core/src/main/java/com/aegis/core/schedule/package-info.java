/**
 * When the batch jobs fire (requirement T2): calendar rules in Asia/Seoul wall-clock time, computed from an instant
 * passed in, so workflow code can use them deterministically.
 */
package com.aegis.core.schedule;
