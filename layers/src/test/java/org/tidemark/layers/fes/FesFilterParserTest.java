package org.tidemark.layers.fes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;
import org.tidemark.layers.gml.GmlGeometryReader;
import org.tidemark.layers.ows.SafeXml;
import org.tidemark.layers.web.WireCrs;

class FesFilterParserTest {
    private static final FeatureType TYPE = new FeatureType("gauges", null, null,
            List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                    Attribute.of("level", AttributeType.DOUBLE, "水位", "Level"),
                    Attribute.of("floors", AttributeType.INTEGER, "层数", "Floors"),
                    Attribute.of("observed", AttributeType.DATETIME, "时间", "Time")),
            "geom", GeometryKind.POINT, 4490, "observed");
    private static final String NS = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";

    private static Filter parse(String body) {
        String xml = "<fes:Filter " + NS + ">" + body + "</fes:Filter>";
        FesFilterParser p = new FesFilterParser(new PropertyResolver(TYPE), new GmlGeometryReader(WireCrs::decode, WireCrs.URN_4490),
                rid -> rid.startsWith("gauges.") ? rid.substring(7) : null);
        return p.parse(SafeXml.parse(xml, "filter").getDocumentElement());
    }

    private static String cmp(String op, String prop, String lit) {
        return "<fes:" + op + "><fes:ValueReference>" + prop + "</fes:ValueReference><fes:Literal>" + lit + "</fes:Literal></fes:" + op + ">";
    }

    @Test
    void comparisonOperatorsTypeTheirLiterals() {
        assertThat(parse(cmp("PropertyIsEqualTo", "name", "石浦"))).isEqualTo(new Filter.Comparison("name", ComparisonOperator.EQ, "石浦", true));
        assertThat(parse(cmp("PropertyIsGreaterThan", "tm:level", "2.5"))).isEqualTo(new Filter.Comparison("level", ComparisonOperator.GT, 2.5, true));
        assertThat(parse(cmp("PropertyIsLessThanOrEqualTo", "gauges/floors", "3"))).isEqualTo(new Filter.Comparison("floors", ComparisonOperator.LE, 3, true));
        assertThat(parse(cmp("PropertyIsNotEqualTo", "name", "x"))).isInstanceOf(Filter.Comparison.class);
        assertThat(parse(cmp("PropertyIsLessThan", "level", "1"))).isEqualTo(new Filter.Comparison("level", ComparisonOperator.LT, 1.0, true));
        assertThat(parse(cmp("PropertyIsGreaterThanOrEqualTo", "level", "1"))).isEqualTo(new Filter.Comparison("level", ComparisonOperator.GE, 1.0, true));
    }

    @Test
    void literalFirstFlipsTheOperator() {
        Filter f = parse("<fes:PropertyIsLessThan><fes:Literal>5</fes:Literal><fes:ValueReference>level</fes:ValueReference></fes:PropertyIsLessThan>");
        assertThat(f).isEqualTo(new Filter.Comparison("level", ComparisonOperator.GT, 5.0, true));
    }

    @Test
    void matchCaseFalseIsKept() {
        Filter f = parse("<fes:PropertyIsEqualTo matchCase=\"false\"><fes:ValueReference>name</fes:ValueReference><fes:Literal>A</fes:Literal></fes:PropertyIsEqualTo>");
        assertThat(((Filter.Comparison) f).matchCase()).isFalse();
    }

    @Test
    void likeTranslatesWildcardsAndEscapes() {
        Filter f = parse("<fes:PropertyIsLike wildCard=\"*\" singleChar=\"#\" escapeChar=\"!\"><fes:ValueReference>name</fes:ValueReference>"
                + "<fes:Literal>a*b#c!*d_%</fes:Literal></fes:PropertyIsLike>");
        assertThat(f).isEqualTo(new Filter.Like("name", "a%b_c*d\\_\\%", true));
    }

    @Test
    void betweenNullAndNil() {
        assertThat(parse("<fes:PropertyIsBetween><fes:ValueReference>level</fes:ValueReference><fes:LowerBoundary><fes:Literal>1</fes:Literal>"
                + "</fes:LowerBoundary><fes:UpperBoundary><fes:Literal>3</fes:Literal></fes:UpperBoundary></fes:PropertyIsBetween>"))
                .isEqualTo(new Filter.Between("level", 1.0, 3.0));
        assertThat(parse("<fes:PropertyIsNull><fes:ValueReference>name</fes:ValueReference></fes:PropertyIsNull>")).isEqualTo(new Filter.IsNull("name"));
        assertThat(parse("<fes:PropertyIsNil><fes:ValueReference>name</fes:ValueReference></fes:PropertyIsNil>")).isEqualTo(new Filter.IsNull("name"));
    }

    @Test
    void logicalOperatorsNest() {
        Filter f = parse("<fes:And>" + cmp("PropertyIsEqualTo", "name", "a") + "<fes:Or>" + cmp("PropertyIsEqualTo", "name", "b")
                + "<fes:Not>" + cmp("PropertyIsEqualTo", "name", "c") + "</fes:Not></fes:Or></fes:And>");
        assertThat(f).isInstanceOf(Filter.And.class);
        Filter.Or or = (Filter.Or) ((Filter.And) f).operands().get(1);
        assertThat(or.operands().get(1)).isInstanceOf(Filter.Not.class);
    }

    @Test
    void resourceIdsSelectFeaturesOfThisTypeOnly() {
        assertThat(parse("<fes:ResourceId rid=\"gauges.1\"/><fes:ResourceId rid=\"gauges.7\"/><fes:ResourceId rid=\"roads.1\"/>"))
                .isEqualTo(new Filter.ResourceId(Set.of("1", "7")));
        assertThat(parse("<fes:ResourceId rid=\"roads.1\"/>")).isEqualTo(Filter.EXCLUDE);
    }

    @Test
    void bboxEnvelopeFollowsItsSrsNameAxisOrder() {
        Filter latLon = parse("<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                + "<gml:lowerCorner>29 121</gml:lowerCorner><gml:upperCorner>30 122</gml:upperCorner></gml:Envelope></fes:BBOX>");
        assertThat(((Filter.Spatial) latLon).geometry().getEnvelopeInternal()).isEqualTo(new Envelope(121, 122, 29, 30));
        Filter lonLat = parse("<fes:BBOX><gml:Envelope srsName=\"EPSG:4326\"><gml:lowerCorner>121 29</gml:lowerCorner>"
                + "<gml:upperCorner>122 30</gml:upperCorner></gml:Envelope></fes:BBOX>");
        assertThat(((Filter.Spatial) lonLat).geometry().getEnvelopeInternal()).isEqualTo(new Envelope(121, 122, 29, 30));
        Filter noSrs = parse("<fes:BBOX><gml:Envelope><gml:lowerCorner>29 121</gml:lowerCorner>"
                + "<gml:upperCorner>30 122</gml:upperCorner></gml:Envelope></fes:BBOX>");
        assertThat(((Filter.Spatial) noSrs).geometry().getEnvelopeInternal()).as("default CRS is the URN 4490, lat/lon").isEqualTo(new Envelope(121, 122, 29, 30));
    }

    @Test
    void everySpatialOperatorWithGmlGeometries() {
        String polygon = "<gml:Polygon gml:id=\"p\" srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\"><gml:exterior><gml:LinearRing>"
                + "<gml:posList>29 121 29 122 30 122 30 121 29 121</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
        for (String op : List.of("Intersects", "Within", "Contains", "Disjoint", "Touches", "Overlaps", "Crosses", "Equals")) {
            Filter f = parse("<fes:" + op + "><fes:ValueReference>geom</fes:ValueReference>" + polygon + "</fes:" + op + ">");
            assertThat(f).isInstanceOf(Filter.Spatial.class);
            Filter.Spatial s = (Filter.Spatial) f;
            assertThat(s.operator()).isEqualTo(SpatialOperator.valueOf(op.toUpperCase()));
            assertThat(s.geometry().getEnvelopeInternal()).isEqualTo(new Envelope(121, 122, 29, 30));
        }
        Filter line = parse("<fes:Crosses><fes:ValueReference>geom</fes:ValueReference><gml:LineString gml:id=\"l\" srsName=\"EPSG:4326\">"
                + "<gml:posList>121 29 122 30</gml:posList></gml:LineString></fes:Crosses>");
        assertThat(((Filter.Spatial) line).geometry().getCoordinates()[1].x).isEqualTo(122);
        Filter multi = parse("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:MultiPoint gml:id=\"m\" srsName=\"EPSG:4326\">"
                + "<gml:pointMember><gml:Point gml:id=\"m1\"><gml:pos>121 29</gml:pos></gml:Point></gml:pointMember>"
                + "<gml:pointMember><gml:Point gml:id=\"m2\"><gml:pos>122 30</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint></fes:Intersects>");
        assertThat(((Filter.Spatial) multi).geometry().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void distanceOperatorsConvertUnitsToMetres() {
        String point = "<gml:Point gml:id=\"p\" srsName=\"EPSG:4326\"><gml:pos>121.9 29.4</gml:pos></gml:Point>";
        Filter d = parse("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>" + point + "<fes:Distance uom=\"km\">2.5</fes:Distance></fes:DWithin>");
        assertThat(((Filter.Spatial) d).distanceMetres()).isEqualTo(2500);
        Filter b = parse("<fes:Beyond><fes:ValueReference>geom</fes:ValueReference>" + point + "<fes:Distance uom=\"m\">10</fes:Distance></fes:Beyond>");
        assertThat(((Filter.Spatial) b).operator()).isEqualTo(SpatialOperator.BEYOND);
        assertThatThrownBy(() -> parse("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>" + point
                + "<fes:Distance uom=\"furlong\">1</fes:Distance></fes:DWithin>")).isInstanceOf(GeoServiceException.class);
    }

    @Test
    void temporalOperatorsOnTheTimeAttribute() {
        Filter during = parse("<fes:During><fes:ValueReference>observed</fes:ValueReference><gml:TimePeriod gml:id=\"t\">"
                + "<gml:beginPosition>2026-07-01T00:00:00Z</gml:beginPosition><gml:endPosition>2026-07-02T00:00:00Z</gml:endPosition>"
                + "</gml:TimePeriod></fes:During>");
        assertThat(during).isEqualTo(new Filter.Temporal(TemporalOperator.DURING, "observed",
                Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2026-07-02T00:00:00Z")));
        Filter after = parse("<fes:After><fes:ValueReference>observed</fes:ValueReference><gml:TimeInstant gml:id=\"i\">"
                + "<gml:timePosition>2026-07-03</gml:timePosition></gml:TimeInstant></fes:After>");
        assertThat(after).isEqualTo(new Filter.Temporal(TemporalOperator.AFTER, "observed", Instant.parse("2026-07-03T00:00:00Z"), null));
        assertThat(parse("<fes:Before><fes:ValueReference>observed</fes:ValueReference><gml:TimeInstant gml:id=\"i\">"
                + "<gml:timePosition>2026-07-03T00:00:00Z</gml:timePosition></gml:TimeInstant></fes:Before>")).isInstanceOf(Filter.Temporal.class);
        assertThat(parse("<fes:TEquals><fes:ValueReference>observed</fes:ValueReference><gml:TimeInstant gml:id=\"i\">"
                + "<gml:timePosition>2026-07-03T00:00:00Z</gml:timePosition></gml:TimeInstant></fes:TEquals>")).isInstanceOf(Filter.Temporal.class);
        assertThatThrownBy(() -> parse("<fes:After><fes:ValueReference>name</fes:ValueReference><gml:TimeInstant gml:id=\"i\">"
                + "<gml:timePosition>2026-07-03</gml:timePosition></gml:TimeInstant></fes:After>")).isInstanceOf(GeoServiceException.class);
    }

    @Test
    void unknownPropertiesAndBadLiteralsAreInvalidValues() {
        assertThatThrownBy(() -> parse(cmp("PropertyIsEqualTo", "nope", "1")))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> parse(cmp("PropertyIsEqualTo", "level", "high")))
                .isInstanceOfSatisfying(GeoServiceException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> parse("<fes:PropertyIsSoundsLike/>")).isInstanceOf(GeoServiceException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOfSatisfying(GeoServiceException.class,
                e -> assertThat(e.code()).isEqualTo("OperationParsingFailed"));
    }

    @Test
    void filterEncoding11FromWfs11Clients() {
        String xml = "<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"><ogc:PropertyIsEqualTo><ogc:PropertyName>name</ogc:PropertyName>"
                + "<ogc:Literal>a</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>";
        FesFilterParser p = new FesFilterParser(new PropertyResolver(TYPE), new GmlGeometryReader(WireCrs::decode, WireCrs.URN_4490), rid -> rid);
        assertThat(p.parse(SafeXml.parse(xml, "filter").getDocumentElement())).isEqualTo(new Filter.Comparison("name", ComparisonOperator.EQ, "a", true));
    }
}
