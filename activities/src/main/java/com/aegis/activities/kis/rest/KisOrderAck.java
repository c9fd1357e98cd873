package com.aegis.activities.kis.rest;

import java.time.LocalTime;

/**
 * KIS took the order, modify or cancel: its order number, the KRX forwarding branch (needed to modify or cancel it)
 * and the order time (KST).
 */
public record KisOrderAck(KisOrderNumber orderNumber, String branchNumber, LocalTime orderTime) {
}
