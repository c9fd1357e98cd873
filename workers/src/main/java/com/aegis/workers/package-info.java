/**
 * The Spring Boot application that hosts the Temporal workers, registers the schedules, runs the realtime path and
 * exposes health. Wiring only: the logic lives in core, workflows and activities.
 */
package com.aegis.workers;
