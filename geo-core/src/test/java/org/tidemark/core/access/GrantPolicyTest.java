package org.tidemark.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.source.FeatureSource;

class GrantPolicyTest {
    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");
    static final Department POLICE = new Department("police", LocalizedText.of("公安局", "Public Security Bureau"));
    static final Layer CAMERAS = layer("police_cameras", false);
    static final Layer ROADS = layer("roads", true);

    final MemoryGrants grants = new MemoryGrants();
    final GrantPolicy policy = new GrantPolicy(new Catalog(), grants,
            text -> new Filter.Comparison(text.split("=")[0].trim(), ComparisonOperator.EQ, text.split("=")[1].trim(), true),
            Clock.fixed(NOW, ZoneOffset.UTC));

    final Principal policeUser = new Principal("li", "police", Set.of("user"));
    final Principal policeSteward = new Principal("wang", "police", Set.of("user", "steward"));
    final Principal waterUser = new Principal("zhao", "water", Set.of("user"));

    @Test
    void providerSeesOwnLayersAndOnlyStewardsWrite() {
        assertThat(policy.decide(policeUser, "police_cameras")).isEqualTo(AccessDecision.READ_ALL);
        assertThat(policy.decide(policeSteward, "police_cameras").writable()).isTrue();
    }

    @Test
    void othersSeeNothingUntilGrantedExceptPublicLayers() {
        assertThat(policy.decide(waterUser, "police_cameras").visible()).isFalse();
        assertThat(policy.decide(Principal.ANONYMOUS, "police_cameras").visible()).isFalse();
        assertThat(policy.decide(Principal.ANONYMOUS, "roads").visible()).isTrue();
        assertThat(policy.decide(waterUser, "no_such_layer").visible()).isFalse();
    }

    @Test
    void departmentGrantNarrowsAttributesRowsAndArea() {
        grants.save(grant("g1", "dept:water", Set.of("code", "name"), "road=S215", "POLYGON((121 29,122 29,122 30,121 30,121 29))", null, null));
        AccessDecision d = policy.decide(waterUser, "police_cameras");
        assertThat(d.visible()).isTrue();
        assertThat(d.attributes()).containsExactlyInAnyOrder("code", "name");
        assertThat(d.writable()).isFalse();
        assertThat(d.spatialLimit()).isNotNull();
        assertThat(d.rowFilter()).isInstanceOf(Filter.And.class);
    }

    @Test
    void aWholeLayerWriteGrantLetsTheGranteeEditAPublicLayerANarrowedOneDoesNot() {
        assertThat(policy.decide(waterUser, "roads").writable()).as("public means readable, not writable").isFalse();
        grants.save(new Grant("w1", "roads", "dept:water", null, "road=S215", null, true, null, null, "wang", NOW.minusSeconds(60)));
        assertThat(policy.decide(waterUser, "roads")).as("a row-narrowed write grant cannot narrow a public layer")
                .isEqualTo(AccessDecision.READ_ALL);
        grants.save(new Grant("w2", "roads", "zhao", null, null, null, true, null, null, "wang", NOW.minusSeconds(60)));
        assertThat(policy.decide(waterUser, "roads")).isEqualTo(AccessDecision.FULL);
        assertThat(policy.decide(Principal.ANONYMOUS, "roads")).as("others still only read").isEqualTo(AccessDecision.READ_ALL);
        assertThat(policy.decide(new Principal("qian", "water", Set.of("user")), "roads").writable()).isFalse();
    }

    @Test
    void expiredAndRevokedGrantsGrantNothing() {
        grants.save(grant("g1", "zhao", null, null, null, NOW.minusSeconds(1), null));
        grants.save(grant("g2", "dept:water", null, null, null, null, NOW.minusSeconds(60)));
        assertThat(policy.decide(waterUser, "police_cameras").visible()).isFalse();
    }

    @Test
    void severalGrantsUnionRowsButIntersectAttributes() {
        grants.save(grant("a", "zhao", Set.of("code", "name"), "road=S215", null, null, null));
        grants.save(grant("b", "dept:water", Set.of("code", "heading"), "road=G228", null, null, null));
        AccessDecision d = policy.decide(waterUser, "police_cameras");
        assertThat(d.rowFilter()).isInstanceOf(Filter.Or.class);
        assertThat(d.attributes()).containsExactly("code");
        assertThat(d.spatialLimit()).isNull();
    }

    @Test
    void unparsableGrantFailsClosed() {
        grants.save(grant("bad", "zhao", null, null, "POLYGON((oops", null, null));
        assertThat(policy.decide(waterUser, "police_cameras").visible()).isFalse();
    }

    static Grant grant(String id, String grantee, Set<String> attrs, String rows, String area, Instant expires, Instant revoked) {
        return new Grant(id, "police_cameras", grantee, attrs, rows, area, false, expires, revoked, "wang", NOW.minusSeconds(3600));
    }

    static Layer layer(String name, boolean isPublic) {
        var type = new FeatureType(name, null, null,
                List.of(Attribute.of("code", AttributeType.STRING, "编号", "Code"), Attribute.of("road", AttributeType.STRING, "道路", "Road")),
                "geom", GeometryKind.POINT, 4490, null);
        return new Layer(type, POLICE, List.of(), "static", isPublic, false, null);
    }

    static final class Catalog implements LayerCatalog {
        public List<Layer> layers() { return List.of(CAMERAS, ROADS); }

        public Optional<FeatureSource> source(String name) { return Optional.empty(); }
    }

    static final class MemoryGrants implements GrantStore {
        final List<Grant> all = new ArrayList<>();

        public List<Grant> grants(String layer) { return all.stream().filter(g -> g.layer().equals(layer)).toList(); }

        public List<Grant> allGrants() { return all; }

        public Optional<Grant> grant(String id) { return all.stream().filter(g -> g.id().equals(id)).findFirst(); }

        long writes;

        public Grant save(Grant g) { all.removeIf(x -> x.id().equals(g.id())); all.add(g); writes++; return g; }

        public List<AccessRequest> requests() { return List.of(); }

        public Optional<AccessRequest> request(String id) { return Optional.empty(); }

        public AccessRequest save(AccessRequest r) { return r; }

        public long version() { return writes; }
    }
}
