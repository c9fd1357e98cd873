/**
 * The fill-notice path in the workers ({@code aegis.fills.*}): the bridge from the KIS real-time session to Kafka
 * {@code broker.fills.v1} and the router from there to the order workflows' {@code fill} signal, each started and
 * stopped with the application.
 */
package com.aegis.workers.fills;
