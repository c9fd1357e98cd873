package com.aegis.activities.kis.rest;

/**
 * inquire-psbl-order: the account's orderable cash and how much of one stock it buys without credit (미수없는매수),
 * sized at {@code calculationPrice}.
 */
public record KisBuyingPower(long orderableCash, long calculationPrice, long maxQuantity, long maxAmount) {
}
