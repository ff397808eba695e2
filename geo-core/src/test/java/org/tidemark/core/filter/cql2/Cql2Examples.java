package org.tidemark.core.filter.cql2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the table-driven CQL2 test data next to this class. */
final class Cql2Examples {
    static final String ARROW = "  ⇒  ";

    private Cql2Examples() {}

    static List<String> lines(String resource) {
        try (InputStream in = Cql2Examples.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines {@code input ⇒ expected} as (input, expected) arguments. */
    static List<Arguments> arrows(String resource) {
        List<Arguments> out = new ArrayList<>();
        for (String line : lines(resource)) {
            int at = line.indexOf(ARROW);
            if (at < 0) throw new IllegalStateException("no arrow in: " + line);
            out.add(Arguments.of(line.substring(0, at).strip(), line.substring(at + ARROW.length()).strip()));
        }
        return out;
    }

    /** {@code json:}/{@code text:} line pairs as (json, text) arguments. */
    static List<Arguments> pairs(String resource) {
        List<String> lines = lines(resource);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String json = lines.get(i);
            String text = lines.get(i + 1);
            if (!json.startsWith("json: ") || !text.startsWith("text: ")) throw new IllegalStateException("bad pair at " + json);
            out.add(Arguments.of(json.substring(6), text.substring(6)));
        }
        return out;
    }
}
