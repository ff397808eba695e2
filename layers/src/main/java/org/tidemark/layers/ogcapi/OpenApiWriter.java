package org.tidemark.layers.ogcapi;

import java.util.List;
import java.util.Locale;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedLayer;
import tools.jackson.core.JsonGenerator;

/**
 * The OpenAPI 3.0 definition of the API (Part 1 /req/oas30): every path, its parameters (Part 1 §7.15,
 * Part 2 crs/bbox-crs, Part 3 filter/filter-lang/filter-crs, sortby, properties), and the response media types.
 * The {@code collectionId} parameter enumerates the collections the caller may see.
 */
final class OpenApiWriter {
    private OpenApiWriter() {}

    static void write(JsonGenerator g, String base, FeatureServiceSettings settings, List<GatedLayer> layers, Locale locale) {
        g.writeStartObject();
        g.writeStringProperty("openapi", "3.0.3");
        g.writeObjectPropertyStart("info");
        g.writeStringProperty("title", settings.title().in(locale));
        g.writeStringProperty("description", settings.abstractText().in(locale));
        g.writeStringProperty("version", "1.0.0");
        g.writeEndObject();
        g.writeArrayPropertyStart("servers");
        g.writeStartObject();
        g.writeStringProperty("url", base);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectPropertyStart("paths");
        path(g, "/", "getLandingPage", "Landing page", List.of("f"), "application/json", false);
        path(g, "/conformance", "getConformanceDeclaration", "Conformance classes", List.of("f"), "application/json", false);
        path(g, "/api", "getApiDefinition", "This API definition", List.of(), "application/vnd.oai.openapi+json;version=3.0", false);
        path(g, "/collections", "getCollections", "Feature collections", List.of("f"), "application/json", false);
        path(g, "/collections/{collectionId}", "describeCollection", "A feature collection", List.of("collectionId", "f"), "application/json", true);
        path(g, "/collections/{collectionId}/queryables", "getQueryables", "Queryable properties", List.of("collectionId"),
                "application/schema+json", true);
        path(g, "/collections/{collectionId}/items", "getFeatures", "Features of a collection",
                List.of("collectionId", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "filter", "filter-lang",
                        "filter-crs", "sortby", "properties", "f"), "application/geo+json", true);
        path(g, "/collections/{collectionId}/items/{featureId}", "getFeature", "One feature",
                List.of("collectionId", "featureId", "crs", "f"), "application/geo+json", true);
        g.writeEndObject();
        g.writeObjectPropertyStart("components");
        g.writeObjectPropertyStart("parameters");
        parameter(g, "collectionId", "path", true, "string", layers.stream().map(GatedLayer::name).toList(), null);
        parameter(g, "featureId", "path", true, "string", null, null);
        parameter(g, "limit", "query", false, "integer", null, settings.defaultPageSize());
        parameter(g, "offset", "query", false, "integer", null, 0);
        parameter(g, "bbox", "query", false, "array", null, null);
        parameter(g, "bbox-crs", "query", false, "string", ItemsRequest.crsList(), null);
        parameter(g, "datetime", "query", false, "string", null, null);
        parameter(g, "crs", "query", false, "string", ItemsRequest.crsList(), null);
        parameter(g, "filter", "query", false, "string", null, null);
        parameter(g, "filter-lang", "query", false, "string", List.of("cql2-text", "cql2-json"), null);
        parameter(g, "filter-crs", "query", false, "string", ItemsRequest.crsList(), null);
        parameter(g, "sortby", "query", false, "string", null, null);
        parameter(g, "properties", "query", false, "string", null, null);
        parameter(g, "f", "query", false, "string", List.of("json", "html"), null);
        g.writeEndObject();
        g.writeObjectPropertyStart("schemas");
        g.writeObjectPropertyStart("exception");
        g.writeStringProperty("type", "object");
        g.writeObjectPropertyStart("properties");
        for (String p : List.of("type", "title", "detail")) {
            g.writeObjectPropertyStart(p);
            g.writeStringProperty("type", "string");
            g.writeEndObject();
        }
        g.writeObjectPropertyStart("status");
        g.writeStringProperty("type", "integer");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void path(JsonGenerator g, String path, String operationId, String summary, List<String> params,
                             String mediaType, boolean notFound) {
        g.writeObjectPropertyStart(path);
        g.writeObjectPropertyStart("get");
        g.writeStringProperty("operationId", operationId);
        g.writeStringProperty("summary", summary);
        g.writeArrayPropertyStart("parameters");
        for (String p : params) {
            g.writeStartObject();
            g.writeStringProperty("$ref", "#/components/parameters/" + p);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("responses");
        g.writeObjectPropertyStart("200");
        g.writeStringProperty("description", summary);
        g.writeObjectPropertyStart("content");
        g.writeObjectPropertyStart(mediaType);
        g.writeObjectPropertyStart("schema");
        g.writeStringProperty("type", "object");
        g.writeEndObject();
        g.writeEndObject();
        if (params.contains("f")) {
            g.writeObjectPropertyStart("text/html");
            g.writeObjectPropertyStart("schema");
            g.writeStringProperty("type", "string");
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        error(g, "400", "Invalid or unknown query parameter");
        if (notFound) error(g, "404", "Not found");
        error(g, "406", "Unsupported media type requested");
        error(g, "500", "Server error");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void error(JsonGenerator g, String status, String description) {
        g.writeObjectPropertyStart(status);
        g.writeStringProperty("description", description);
        g.writeObjectPropertyStart("content");
        g.writeObjectPropertyStart("application/problem+json");
        g.writeObjectPropertyStart("schema");
        g.writeStringProperty("$ref", "#/components/schemas/exception");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void parameter(JsonGenerator g, String name, String in, boolean required, String type,
                                  List<String> values, Integer dflt) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("name", name);
        g.writeStringProperty("in", in);
        g.writeBooleanProperty("required", required);
        if (name.equals("bbox")) {
            g.writeStringProperty("style", "form");
            g.writeBooleanProperty("explode", false);
        }
        g.writeObjectPropertyStart("schema");
        g.writeStringProperty("type", type);
        if (type.equals("array")) {
            g.writeNumberProperty("minItems", 4);
            g.writeNumberProperty("maxItems", 6);
            g.writeObjectPropertyStart("items");
            g.writeStringProperty("type", "number");
            g.writeEndObject();
        }
        if (name.equals("limit")) {
            g.writeNumberProperty("minimum", 1);
        }
        if (name.equals("offset")) g.writeNumberProperty("minimum", 0);
        if (values != null) {
            g.writeArrayPropertyStart("enum");
            for (String v : values) g.writeString(v);
            g.writeEndArray();
        }
        if (dflt != null) g.writeNumberProperty("default", dflt);
        g.writeEndObject();
        g.writeEndObject();
    }
}
