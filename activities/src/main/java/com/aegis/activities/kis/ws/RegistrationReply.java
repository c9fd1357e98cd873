package com.aegis.activities.kis.ws;

/** The server's answer to a registration message, e.g. OPSP0000 SUBSCRIBE SUCCESS or OPSP0008 MAX SUBSCRIBE OVER. */
public record RegistrationReply(Registration registration, boolean accepted, String messageCode, String message) {
}
