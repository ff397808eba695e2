package org.tidemark.data.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link FeatureType} kept in {@code tm_layer.feature_type}, so a store rebuilds its
 * types after a restart. Written field by field (not by reflection) so that renaming a Java accessor
 * can never silently change the stored format.
 */
final class FeatureTypeJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private FeatureTypeJson() {}

    static String write(FeatureType t) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", t.name());
        root.set("title", text(t.title()));
        root.set("description", text(t.description()));
        ArrayNode attrs = root.putArray("attributes");
        for (Attribute a : t.attributes()) {
            ObjectNode n = attrs.addObject();
            n.put("name", a.name());
            n.put("type", a.type().name());
            n.set("title", text(a.title()));
            n.put("nullable", a.nullable());
        }
        root.put("geometryName", t.geometryName());
        root.put("geometryKind", t.geometryKind().name());
        root.put("storageSrid", t.storageSrid());
        if (t.timeAttribute() != null) root.put("timeAttribute", t.timeAttribute());
        return MAPPER.writeValueAsString(root);
    }

    static FeatureType read(String json) {
        JsonNode root = MAPPER.readTree(json);
        List<Attribute> attrs = new ArrayList<>();
        for (JsonNode n : root.path("attributes")) {
            attrs.add(new Attribute(n.path("name").asString(), AttributeType.valueOf(n.path("type").asString()),
                    text(n.path("title")), n.path("nullable").asBoolean(true)));
        }
        JsonNode time = root.get("timeAttribute");
        return new FeatureType(root.path("name").asString(), text(root.path("title")), text(root.path("description")),
                attrs, root.path("geometryName").asString("geom"),
                GeometryKind.valueOf(root.path("geometryKind").asString("GEOMETRY")),
                root.path("storageSrid").asInt(4490), time == null || time.isNull() ? null : time.asString());
    }

    static String writeList(List<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return MAPPER.writeValueAsString(a);
    }

    static List<String> readList(String json) {
        if (json == null || json.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        MAPPER.readTree(json).forEach(n -> out.add(n.asString()));
        return out;
    }

    private static ObjectNode text(LocalizedText t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("zh", t.zh());
        n.put("en", t.en());
        return n;
    }

    private static LocalizedText text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) return null;
        return LocalizedText.of(n.path("zh").asString(""), n.path("en").asString(""));
    }
}
