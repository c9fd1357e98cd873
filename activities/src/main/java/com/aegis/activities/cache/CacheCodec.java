package com.aegis.activities.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.Objects;

/**
 * JSON form of cached values in Redis. Records, {@code java.time} types (ISO strings) and {@code Optional} are
 * supported; properties the reading class does not know are ignored, so adding a field needs no version bump, while
 * renaming or retyping one does (C2).
 */
public final class CacheCodec {

    private final ObjectMapper json;

    public CacheCodec() {
        this(defaultMapper());
    }

    public CacheCodec(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The mapper {@link #CacheCodec()} uses. */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The value as JSON; a value Jackson cannot write is a programming error. */
    public String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON for the cache: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The value read back; throws {@link CacheDecodingException} when the JSON does not fit the type. */
    public <T> T decode(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new CacheDecodingException("Cached JSON does not read as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A value with the time it was stored: {@code {"storedAt":"...","value":...}}. */
    public String encodeStamped(Object value, Instant storedAt) {
        ObjectNode node = json.createObjectNode();
        node.put("storedAt", storedAt.toString());
        node.set("value", json.valueToTree(value));
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON for the cache: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Reads what {@link #encodeStamped} wrote. */
    public <T> LastGood<T> decodeStamped(String text, Class<T> type) {
        try {
            JsonNode node = json.readTree(text);
            JsonNode storedAt = node.get("storedAt");
            JsonNode value = node.get("value");
            if (storedAt == null || value == null || value.isNull()) {
                throw new CacheDecodingException("Stamped cache JSON lacks storedAt or value", null);
            }
            return new LastGood<>(json.treeToValue(value, type), Instant.parse(storedAt.asText()));
        } catch (JsonProcessingException e) {
            throw new CacheDecodingException("Stamped cache JSON does not read as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CacheDecodingException("Stamped cache JSON has a bad storedAt: " + e.getMessage(), e);
        }
    }

    /** Cached JSON that no longer fits the class asked for (a structure change without a version bump). */
    public static final class CacheDecodingException extends RuntimeException {
        public CacheDecodingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
