/**
 * Activity implementations of AEGIS as Spring beans: data-source adapters, jOOQ repositories, the L1/L2 cache, Kafka
 * producers and alert sinks. Everything that touches the outside world from a workflow goes through here.
 */
package com.aegis.activities;
