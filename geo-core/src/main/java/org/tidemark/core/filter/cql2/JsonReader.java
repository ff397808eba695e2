package org.tidemark.core.filter.cql2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON (RFC 8259) reader for CQL2 JSON: small, strict, bounded, keeping each value's position for error
 * messages. Objects become {@code Map<String, Node>}, arrays {@code List<Node>}, numbers {@link BigDecimal},
 * strings, booleans and null ({@code Node.value() == null}). Duplicate keys are an error.
 */
final class JsonReader {
    /** A JSON value and the offset of its first character. */
    record Node(Object value, int pos) {
        @SuppressWarnings("unchecked")
        Map<String, Node> object() { return value instanceof Map<?, ?> m ? (Map<String, Node>) m : null; }

        @SuppressWarnings("unchecked")
        List<Node> array() { return value instanceof List<?> l ? (List<Node>) l : null; }
    }

    private final String s;
    private final int maxDepth;
    private int i;

    private JsonReader(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    static Node read(String text, int maxDepth) {
        JsonReader r = new JsonReader(text, maxDepth);
        Node n = r.value(0);
        r.skipWhitespace();
        if (r.i < text.length()) throw Cql2Builder.error("unexpected text after the JSON value", r.i);
        return n;
    }

    private Node value(int depth) {
        if (depth > maxDepth) throw Cql2Builder.error("JSON nested deeper than " + maxDepth + " levels", i);
        skipWhitespace();
        if (i >= s.length()) throw Cql2Builder.error("unexpected end of JSON", i);
        int start = i;
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> new Node(object(depth), start);
            case '[' -> new Node(array(depth), start);
            case '"' -> new Node(string(), start);
            case 't' -> literal("true", Boolean.TRUE, start);
            case 'f' -> literal("false", Boolean.FALSE, start);
            case 'n' -> literal("null", null, start);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') yield new Node(number(), start);
                throw Cql2Builder.error("unexpected character '" + c + "' in JSON", start);
            }
        };
    }

    private Map<String, Node> object(int depth) {
        Map<String, Node> map = new LinkedHashMap<>();
        i++;
        skipWhitespace();
        if (peek() == '}') {
            i++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw Cql2Builder.error("expected a JSON member name", i);
            int keyPos = i;
            String key = string();
            skipWhitespace();
            if (peek() != ':') throw Cql2Builder.error("expected ':' in JSON object", i);
            i++;
            if (map.put(key, value(depth + 1)) != null) throw Cql2Builder.error("duplicate JSON member \"" + key + "\"", keyPos);
            skipWhitespace();
            char c = peek();
            i++;
            if (c == '}') return map;
            if (c != ',') throw Cql2Builder.error("expected ',' or '}' in JSON object", i - 1);
        }
    }

    private List<Node> array(int depth) {
        List<Node> list = new ArrayList<>();
        i++;
        skipWhitespace();
        if (peek() == ']') {
            i++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            i++;
            if (c == ']') return list;
            if (c != ',') throw Cql2Builder.error("expected ',' or ']' in JSON array", i - 1);
        }
    }

    private String string() {
        int start = i;
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) throw Cql2Builder.error("unterminated JSON string", start);
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw Cql2Builder.error("control character in JSON string", i - 1);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) throw Cql2Builder.error("unterminated JSON string", start);
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw Cql2Builder.error("bad \\u escape in JSON string", i - 2);
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw Cql2Builder.error("bad \\u escape in JSON string", i - 2);
                    }
                    i += 4;
                }
                default -> throw Cql2Builder.error("bad escape \\" + e + " in JSON string", i - 2);
            }
        }
    }

    private BigDecimal number() {
        int start = i;
        if (peek() == '-') i++;
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
        String text = s.substring(start, i);
        if (!text.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw Cql2Builder.error("invalid JSON number " + text, start);
        }
        BigDecimal d = new BigDecimal(text);
        if (Math.abs(d.scale()) > 400) throw Cql2Builder.error("JSON number out of range " + text, start);
        return d;
    }

    private Node literal(String word, Object value, int start) {
        if (!s.startsWith(word, i)) throw Cql2Builder.error("invalid JSON literal", start);
        i += word.length();
        return new Node(value, start);
    }

    private char peek() {
        if (i >= s.length()) throw Cql2Builder.error("unexpected end of JSON", i);
        return s.charAt(i);
    }

    private void skipWhitespace() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) i++;
    }
}
