/**
 * The embedded stack behind {@code aegis} local runs and every integration test: Temporal's Java test server on a real
 * gRPC port, PostgreSQL (zonky binaries), Redis and an in-process Kafka (KRaft) broker, all in one JVM, no Docker.
 *
 * <p>The door is small: {@link com.aegis.localstack.LocalStack} starts and stops the four components from a
 * {@link com.aegis.localstack.LocalStackConfig} and hands out their addresses; {@link com.aegis.localstack.KafkaTopics}
 * names the topics every module publishes to; {@link com.aegis.localstack.ServiceReachability} checks the real services
 * of the production profile before anything else starts. Start-up failures are
 * {@link com.aegis.localstack.LocalStackException}s naming the component, the address and the setting to change.
 *
 * <p>Where data lives (under {@code aegis.local.data-dir}, default {@code ${aegis.home:-~/.aegis}/data}):
 * PostgreSQL in {@code postgres/} (kept across restarts), Redis in {@code redis/} (its RDB snapshot). Kafka's log
 * directory is a temporary directory created by the broker and deleted when it stops: topics are recreated at every
 * start and records do not survive a restart. Temporal's test server keeps its histories in memory only.
 * PostgreSQL runs with fsync off (zonky's default, for speed): its data survives stops, restarts and a killed JVM,
 * but a power loss may lose the last commits.
 *
 * <p>Settings named in messages (Spring relaxed binding, or {@link com.aegis.localstack.LocalStackConfig#fromEnvironment()}):
 * {@code aegis.local.temporal-port}, {@code postgres-port}, {@code redis-port}, {@code kafka-port}, {@code data-dir},
 * {@code host}, {@code database}, {@code user}, {@code password}; each also as {@code AEGIS_LOCAL_*}. Temporal's test
 * server listens on every interface (it offers no bind address); the others bind to {@code host} only.
 */
package com.aegis.localstack;
