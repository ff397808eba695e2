package org.tidemark.sensors.ingest;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the ingest payload shared by HTTP and MQTT: a JSON array of
 * {@code {"station", "property", "time", "value", "unit"?, "quality"?}} objects (RFC 8259), or one such
 * object. Non-object elements become null inputs and wrongly typed fields become missing or NaN values,
 * so that the validator reports them with their index.
 */
public final class ObservationJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ObservationJson() {}

    /** @throws IllegalArgumentException when the payload is not JSON or not an array/object */
    public static List<ObservationInput> read(byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) throw new IllegalArgumentException("the body is empty");
        List<ObservationInput> out = new ArrayList<>();
        if (root.isObject()) {
            out.add(input(root));
        } else if (root.isArray()) {
            for (JsonNode n : root.values()) out.add(n.isObject() ? input(n) : null);
        } else {
            throw new IllegalArgumentException("the body must be a JSON array of observations");
        }
        return out;
    }

    private static ObservationInput input(JsonNode n) {
        JsonNode v = n.get("value");
        Double value = v == null || v.isNull() ? null
                : v.isNumber() ? Double.valueOf(v.doubleValue()) : Double.valueOf(Double.NaN);
        return new ObservationInput(text(n, "station"), text(n, "property"), text(n, "time"), value,
                text(n, "unit"), text(n, "quality"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }
}
