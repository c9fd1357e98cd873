package com.aegis.activities.kis.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Splits socket text into frames and data payloads into typed records; anything else is a malformed frame. */
final class KisFrameParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RECORDS = 999;

    private KisFrameParser() {
    }

    static KisFrame parse(String text) {
        if (text.isEmpty()) {
            throw new KisMalformedFrameException("empty frame");
        }
        char first = text.charAt(0);
        if (first == '0' || first == '1') {
            return parseData(text);
        }
        if (first == '{') {
            return parseControl(text);
        }
        throw new KisMalformedFrameException("frame is neither a data frame (0|… or 1|…) nor a JSON control frame;"
                + " it starts with " + excerpt(text));
    }

    private static KisFrame parseData(String text) {
        String[] parts = text.split("\\|", 4);
        if (parts.length != 4 || parts[0].length() != 1) {
            throw new KisMalformedFrameException("data frame must be flag|TR_ID|count|payload, got "
                    + parts.length + " parts starting " + excerpt(text));
        }
        String trId = parts[1];
        if (trId.isEmpty()) {
            throw new KisMalformedFrameException("data frame has an empty TR_ID");
        }
        int count;
        try {
            count = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            throw new KisMalformedFrameException(trId + " data frame record count '" + excerpt(parts[2])
                    + "' is not a number");
        }
        if (count < 1 || count > MAX_RECORDS) {
            throw new KisMalformedFrameException(trId + " data frame record count " + count + " is outside 1-999");
        }
        if (parts[3].isEmpty()) {
            throw new KisMalformedFrameException(trId + " data frame has an empty payload");
        }
        return new KisFrame.Data(parts[0].equals("1"), trId, count, parts[3]);
    }

    private static KisFrame parseControl(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception e) {
            throw new KisMalformedFrameException("control frame is not valid JSON: " + excerpt(text));
        }
        JsonNode header = root.path("header");
        String trId = header.path("tr_id").asText("");
        if (trId.isEmpty()) {
            throw new KisMalformedFrameException("control frame has no header.tr_id: " + excerpt(text));
        }
        if (trId.equals("PINGPONG")) {
            return new KisFrame.PingPong(text);
        }
        JsonNode body = root.path("body");
        if (!body.isObject() || !body.hasNonNull("rt_cd")) {
            throw new KisMalformedFrameException("control frame for " + trId + " has no body.rt_cd");
        }
        JsonNode output = body.path("output");
        return new KisFrame.Control(trId, header.path("tr_key").asText(""),
                "Y".equals(header.path("encrypt").asText("N")), body.path("rt_cd").asText(),
                body.path("msg_cd").asText(""), body.path("msg1").asText(""),
                textOf(output, "key"), textOf(output, "iv"));
    }

    private static Optional<String> textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty()
                : Optional.of(value.asText());
    }

    /** Splits {@code payload} into {@code count} records of the TR's field count and decodes each. */
    static <T> List<T> records(KisRealtimeTr tr, int count, String payload, Function<KisFieldReader, T> decoder) {
        String[] fields = payload.split("\\^", -1);
        if (fields.length != count * tr.fieldCount()) {
            throw new KisMalformedFrameException(tr.trId() + " frame announces " + count + " record(s) of "
                    + tr.fieldCount() + " fields but carries " + fields.length + " fields");
        }
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KisFieldReader reader = new KisFieldReader(tr, fields, i);
            try {
                out.add(decoder.apply(reader));
            } catch (KisMalformedFrameException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw reader.wrap(e);
            }
        }
        return out;
    }

    private static String excerpt(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
