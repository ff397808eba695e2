package org.tidemark.layers.wfs;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import org.junit.jupiter.api.Test;

class DebugTest {
    @Test
    void dump() throws Exception {
        var mvc = WfsTestSupport.mvc();
        for (String q : System.getProperty("q", "").split("\\|")) {
            if (q.isBlank()) continue;
            var r = mvc.perform(get(java.net.URI.create(q))).andReturn().getResponse();
            System.out.println("=== " + q + " -> " + r.getStatus() + " " + r.getContentType());
            System.out.println(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
