package org.tidemark.layers.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessRequest;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.GrantPolicy;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.source.FeatureSource;

class GovernanceControllerTest {
    static final Principal STEWARD = new Principal("wang", "police", Set.of("user", "steward"));
    static final Principal CONSUMER = new Principal("zhao", "water", Set.of("user"));
    static final Principal AUDITOR = new Principal("sun", "emergency", Set.of("auditor"));

    final Grants grants = new Grants();
    final Audit audit = new Audit();
    final LayerCatalog catalog = new Catalog();
    final GrantPolicy policy = new GrantPolicy(catalog, grants, GovernanceControllerTest::parseRow, Clock.systemUTC());
    final MockMvc mvc = MockMvcBuilders.standaloneSetup(
            new CatalogController(catalog, policy, grants),
            new AccessRequestController(catalog, grants, audit, GovernanceControllerTest::parseRow, Clock.systemUTC()),
            new AuditController(audit)).build();

    @Test
    void consumerAppliesStewardApprovesNarrowedAndCatalogReflectsIt() throws Exception {
        mvc.perform(as(CONSUMER, get("/api/catalog?q=摄像")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.numberMatched").value(1))
                .andExpect(jsonPath("$.features[0].properties.access").value("none"))
                .andExpect(jsonPath("$.features[0].geometry").doesNotExist());

        String body = mvc.perform(as(CONSUMER, post("/api/access-requests")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\":\"police_cameras\",\"purpose\":\"防汛 flood watch\",\"fields\":[\"code\",\"road\"],\"days\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(as(CONSUMER, post("/api/access-requests/" + id + "/approve")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        mvc.perform(as(STEWARD, post("/api/access-requests/" + id + "/approve")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fields\":[\"code\"],\"rowFilter\":\"road=S215\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

        var decision = policy.decide(CONSUMER, "police_cameras");
        assertThat(decision.visible()).isTrue();
        assertThat(decision.attributes()).containsExactly("code");
        mvc.perform(as(CONSUMER, get("/api/catalog/police_cameras")))
                .andExpect(jsonPath("$.properties.access").value("granted-partial"));

        String grantId = grants.all.get(0).id();
        mvc.perform(as(STEWARD, post("/api/grants/" + grantId + "/revoke"))).andExpect(status().isOk());
        assertThat(policy.decide(CONSUMER, "police_cameras").visible()).isFalse();

        assertThat(audit.events).extracting(AuditEvent::action)
                .containsExactly("ACCESS-REQUEST file", "ACCESS-REQUEST approve", "GRANT revoke");
    }

    @Test
    void anonymousCannotApplyAndBadInputIsAProblem() throws Exception {
        mvc.perform(post("/api/access-requests").contentType(MediaType.APPLICATION_JSON).content("{\"layer\":\"police_cameras\",\"purpose\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(as(CONSUMER, post("/api/access-requests")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\":\"police_cameras\",\"purpose\":\"x\",\"fields\":[\"secret\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("fields"));
        mvc.perform(as(CONSUMER, post("/api/access-requests")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\":\"nope\",\"purpose\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(CONSUMER, get("/api/catalog?limit=0"))).andExpect(status().isBadRequest());
        mvc.perform(as(CONSUMER, get("/api/catalog?bbox=1,2,3"))).andExpect(status().isBadRequest());
    }

    @Test
    void stewardCannotGrantAnotherDepartmentsLayerAndOnlySupervisorsVerify() throws Exception {
        Principal waterSteward = new Principal("qian", "water", Set.of("steward"));
        mvc.perform(as(waterSteward, post("/api/grants")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"layer\":\"police_cameras\",\"grantee\":\"dept:water\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(CONSUMER, get("/api/audit/verify"))).andExpect(status().isForbidden());
        mvc.perform(as(AUDITOR, get("/api/audit/verify"))).andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
    }

    static MockHttpServletRequestBuilder as(Principal p, MockHttpServletRequestBuilder b) {
        return b.requestAttr(Principal.class.getName(), p);
    }

    static Filter parseRow(String text) {
        String[] kv = text.split("=");
        if (kv.length != 2) throw GeoServiceException.invalid("filter", "bad filter");
        return new Filter.Comparison(kv[0].trim(), ComparisonOperator.EQ, kv[1].trim(), true);
    }

    static final class Catalog implements LayerCatalog {
        final Layer cameras = new Layer(new FeatureType("police_cameras", LocalizedText.of("公安摄像头", "Police cameras"), null,
                List.of(Attribute.of("code", AttributeType.STRING, "编号", "Code"), Attribute.of("road", AttributeType.STRING, "道路", "Road")),
                "geom", GeometryKind.POINT, 4490, null),
                new Department("police", LocalizedText.of("公安局", "Public Security Bureau")), List.of("camera"), "daily", false, false, null);

        public List<Layer> layers() { return List.of(cameras); }

        public Optional<FeatureSource> source(String name) { return Optional.empty(); }
    }

    static final class Grants implements GrantStore {
        final List<Grant> all = new ArrayList<>();
        final List<AccessRequest> reqs = new ArrayList<>();
        int n;
        long writes;

        public List<Grant> grants(String layer) { return all.stream().filter(g -> g.layer().equals(layer)).toList(); }

        public List<Grant> allGrants() { return List.copyOf(all); }

        public Optional<Grant> grant(String id) { return all.stream().filter(g -> g.id().equals(id)).findFirst(); }

        public Grant save(Grant g) {
            Grant s = g.id() != null ? g : new Grant("g" + ++n, g.layer(), g.grantee(), g.attributes(), g.rowFilter(), g.area(),
                    g.write(), g.expiresAt(), g.revokedAt(), g.grantedBy(), g.createdAt());
            all.removeIf(x -> x.id().equals(s.id()));
            all.add(s);
            writes++;
            return s;
        }

        public List<AccessRequest> requests() { return List.copyOf(reqs); }

        public Optional<AccessRequest> request(String id) { return reqs.stream().filter(r -> r.id().equals(id)).findFirst(); }

        public AccessRequest save(AccessRequest r) {
            AccessRequest s = r.id() != null ? r : new AccessRequest("r" + ++n, r.layer(), r.requester(), r.requesterDepartment(),
                    r.purpose(), r.wantedAttributes(), r.area(), r.days(), r.status(), r.decidedBy(), r.reason(), r.grantId(),
                    r.createdAt(), r.decidedAt());
            reqs.removeIf(x -> x.id().equals(s.id()));
            reqs.add(s);
            return s;
        }

        public long version() { return writes; }
    }

    static final class Audit implements AuditLog {
        final List<AuditEvent> events = new ArrayList<>();

        public void append(AuditEvent e) { events.add(e); }

        public List<AuditEvent> query(String p, String d, String r, Instant f, Instant t, int o, int l) { return events; }

        public long verify() { return -1; }
    }
}
