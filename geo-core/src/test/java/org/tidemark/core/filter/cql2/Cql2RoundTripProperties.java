package org.tidemark.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;

/**
 * Random filter trees survive Cql2TextWriter → Cql2TextParser unchanged, and NOT/AND/OR obey SQL's three-valued
 * logic in the evaluator (De Morgan holds, NOT never matches what its operand matches).
 */
class Cql2RoundTripProperties {
    private static final GeometryFactory GF = new GeometryFactory();

    @Property(tries = 300)
    void writtenFiltersParseBackEqual(@ForAll("filters") Filter f) {
        String text = Cql2TextWriter.write(f);
        assertThat(Cql2TextParser.parse(text)).as(text).isEqualTo(f);
    }

    @Property(tries = 300)
    void notAndDeMorganFollowThreeValuedLogic(@ForAll("filters") Filter a, @ForAll("filters") Filter b,
                                             @ForAll("features") Feature f) {
        boolean matchA = FilterEvaluator.matches(a, f);
        if (matchA) assertThat(FilterEvaluator.matches(new Filter.Not(a), f)).isFalse();
        assertThat(FilterEvaluator.matches(new Filter.Not(new Filter.And(List.of(a, b))), f))
                .isEqualTo(FilterEvaluator.matches(new Filter.Or(List.of(new Filter.Not(a), new Filter.Not(b))), f));
        assertThat(FilterEvaluator.matches(new Filter.Not(new Filter.Or(List.of(a, b))), f))
                .isEqualTo(FilterEvaluator.matches(new Filter.And(List.of(new Filter.Not(a), new Filter.Not(b))), f));
        assertThat(FilterEvaluator.matches(new Filter.Or(List.of(a, b)), f))
                .isEqualTo(matchA || FilterEvaluator.matches(b, f));
    }

    @Provide
    Arbitrary<Filter> filters() {
        return Arbitraries.lazyOf(
                Cql2RoundTripProperties::comparison, Cql2RoundTripProperties::like, Cql2RoundTripProperties::in,
                Cql2RoundTripProperties::between, Cql2RoundTripProperties::isNull, Cql2RoundTripProperties::spatial,
                Cql2RoundTripProperties::temporal, () -> Arbitraries.of(Filter.INCLUDE, Filter.EXCLUDE),
                () -> filters().list().ofMinSize(2).ofMaxSize(3).map(Filter.And::new),
                () -> filters().list().ofMinSize(2).ofMaxSize(3).map(Filter.Or::new),
                () -> filters().map(Filter.Not::new));
    }

    @Provide
    Arbitrary<Feature> features() {
        Arbitrary<Object> a = Arbitraries.oneOf(Arbitraries.longs().between(-5, 5).map(Object.class::cast),
                Arbitraries.just(null));
        Arbitrary<Object> s = Arbitraries.oneOf(Arbitraries.of("x", "Y", "%", "ab").map(Object.class::cast), Arbitraries.just(null));
        return Combinators.combine(a, s, points()).as((av, sv, g) -> {
            Map<String, Object> p = new java.util.HashMap<>();
            p.put("a", av);
            p.put("name", sv);
            p.put("when", av == null ? null : Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86400 * (Long) av));
            return new Feature("f", g, p);
        });
    }

    private static Arbitrary<String> properties() {
        return Arbitraries.oneOf(Arbitraries.of("a", "name", "when", "eo:cloud_cover", "STNM", "水位", "x.y", "and",
                        "S_INTERSECTS", "polygon", "date"),
                Arbitraries.strings().withCharRange(' ', '~').withChars('水', 'é').ofMinLength(1).ofMaxLength(8)
                        .filter(s -> s.indexOf('"') < 0));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().filter(Double::isFinite).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(10).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                instants().map(Object.class::cast),
                Arbitraries.integers().between(-200000, 200000).map(d -> (Object) LocalDate.of(2000, 1, 1).plusDays(d)));
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-2_000_000_000L, 4_000_000_000L)
                .flatMap(sec -> Arbitraries.of(0, 1_000_000, 123_456_789).map(n -> Instant.ofEpochSecond(sec, n)));
    }

    private static Arbitrary<Filter> comparison() {
        return Combinators.combine(properties(), Arbitraries.of(ComparisonOperator.values()), scalars(), Arbitraries.of(true, false))
                .as((p, op, v, mc) -> new Filter.Comparison(p, op, v, mc || !(v instanceof String)));
    }

    private static Arbitrary<Filter> like() {
        return Combinators.combine(properties(), Arbitraries.strings().ofMaxLength(10), Arbitraries.of(true, false))
                .as(Filter.Like::new);
    }

    private static Arbitrary<Filter> in() {
        return Combinators.combine(properties(), scalars().list().ofMinSize(1).ofMaxSize(4)).as(Filter.In::new);
    }

    private static Arbitrary<Filter> between() {
        return Combinators.combine(properties(), scalars(), scalars()).as(Filter.Between::new);
    }

    private static Arbitrary<Filter> isNull() {
        return properties().map(Filter.IsNull::new);
    }

    private static Arbitrary<Geometry> points() {
        Arbitrary<Double> lon = Arbitraries.doubles().between(-180, 180).ofScale(7);
        Arbitrary<Double> lat = Arbitraries.doubles().between(-90, 90).ofScale(7);
        return Combinators.combine(lon, lat).as((x, y) -> (Geometry) GF.createPoint(new Coordinate(x, y)));
    }

    private static Arbitrary<Geometry> geometries() {
        Arbitrary<Geometry> lines = points().list().ofMinSize(2).ofMaxSize(5).map(ps -> {
            List<Coordinate> cs = new ArrayList<>();
            ps.forEach(p -> cs.add(p.getCoordinate()));
            return GF.createLineString(cs.toArray(Coordinate[]::new));
        });
        Arbitrary<Geometry> boxes = Combinators.combine(points(), Arbitraries.doubles().between(0.001, 5).ofScale(4))
                .as((p, d) -> GF.toGeometry(new org.locationtech.jts.geom.Envelope(p.getCoordinate().x, p.getCoordinate().x + d,
                        p.getCoordinate().y, p.getCoordinate().y + d)));
        return Arbitraries.oneOf(points(), lines, boxes);
    }

    private static Arbitrary<Filter> spatial() {
        Arbitrary<SpatialOperator> ops = Arbitraries.of(SpatialOperator.values()).filter(op -> op != SpatialOperator.BBOX);
        return Combinators.combine(ops, properties(), geometries(), Arbitraries.doubles().between(0, 100_000))
                .as((op, p, g, d) -> new Filter.Spatial(op, p, g,
                        op == SpatialOperator.DWITHIN || op == SpatialOperator.BEYOND ? d : 0));
    }

    private static Arbitrary<Filter> temporal() {
        Arbitrary<Filter> instant = Combinators.combine(
                        Arbitraries.of(TemporalOperator.AFTER, TemporalOperator.BEFORE, TemporalOperator.TEQUALS,
                                TemporalOperator.INTERSECTS), properties(), instants())
                .as((op, p, t) -> new Filter.Temporal(op, p, t, null));
        Arbitrary<Instant> start = Arbitraries.oneOf(instants(), Arbitraries.just(Instant.MIN));
        Arbitrary<Instant> end = Arbitraries.oneOf(instants(), Arbitraries.just(Instant.MAX));
        Arbitrary<Filter> interval = Combinators.combine(Arbitraries.of(TemporalOperator.values()), properties(), start, end)
                .filter((op, p, s, e) -> !s.isAfter(e))
                .as((op, p, s, e) -> new Filter.Temporal(op, p, s, e));
        return Arbitraries.oneOf(instant, interval);
    }

    @Property(tries = 50)
    void resourceIdsAreWrittenSorted(@ForAll("ids") Set<String> ids) {
        String text = Cql2TextWriter.write(new Filter.ResourceId(ids));
        assertThat(text).startsWith("RESOURCE_ID(");
    }

    @Provide
    Arbitrary<Set<String>> ids() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).set().ofMinSize(1).ofMaxSize(4);
    }
}
