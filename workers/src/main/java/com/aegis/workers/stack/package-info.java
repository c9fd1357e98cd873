/**
 * How the application reaches its infrastructure: the embedded local stack (profile {@code local}, the default) or
 * external services checked at start-up (profile {@code prod}), and the clear report when either fails.
 */
package com.aegis.workers.stack;
