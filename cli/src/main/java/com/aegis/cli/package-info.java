/**
 * The operator's {@code aegis} command (picocli): start the system, show its status, start workflow runs by name and
 * list them, and run the demonstration. A Temporal client and an HTTP client of the workers' health endpoint; it never
 * talks to the broker or the data sources itself.
 */
package com.aegis.cli;
