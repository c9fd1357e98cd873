/**
 * Benchmarks and measurement harnesses, run on demand with {@code benchmarks/run}, never part of the test run. Each
 * prints the machine, its inputs and a baseline measured in the same run.
 */
package com.aegis.benchmarks;
