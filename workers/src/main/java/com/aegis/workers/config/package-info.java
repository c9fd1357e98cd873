/** Typed configuration and the shared infrastructure clients (Redis, Kafka) of the application. */
package com.aegis.workers.config;
