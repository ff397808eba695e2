package org.tidemark.core.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;

class SldReaderTest {

    private static final String SLD10 = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
                xmlns:gml="http://www.opengis.net/gml" xmlns:xlink="http://www.w3.org/1999/xlink">
              <NamedLayer><Name>flood_zones</Name>
                <UserStyle><Name>other</Name><Title>Other</Title>
                  <FeatureTypeStyle><Rule><PolygonSymbolizer/></Rule></FeatureTypeStyle></UserStyle>
                <UserStyle><Name>risk</Name><IsDefault>1</IsDefault>
                  <FeatureTypeStyle>
                    <Rule><Name>high</Name><Title xml:lang="zh">高风险</Title><Title xml:lang="en">High risk</Title>
                      <ogc:Filter><ogc:And>
                        <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>risk_class</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
                        <ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Box><gml:coordinates>121.5,29.0 122.2,29.7</gml:coordinates></gml:Box></ogc:BBOX>
                      </ogc:And></ogc:Filter>
                      <MinScaleDenominator>1000</MinScaleDenominator><MaxScaleDenominator>500000</MaxScaleDenominator>
                      <PolygonSymbolizer>
                        <Fill><CssParameter name="fill">#E03131</CssParameter><CssParameter name="fill-opacity">0.5</CssParameter></Fill>
                        <Stroke><CssParameter name="stroke">#A61E1E</CssParameter><CssParameter name="stroke-width">2</CssParameter>
                          <CssParameter name="stroke-dasharray">4 2</CssParameter></Stroke>
                      </PolygonSymbolizer>
                      <TextSymbolizer><Label>风险 <ogc:PropertyName>risk_class</ogc:PropertyName> 级</Label>
                        <Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-size">14</CssParameter>
                          <CssParameter name="font-weight">bold</CssParameter></Font>
                        <LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0</AnchorPointY></AnchorPoint>
                          <Rotation><ogc:PropertyName>angle</ogc:PropertyName></Rotation></PointPlacement></LabelPlacement>
                        <Halo><Radius>2</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo>
                      </TextSymbolizer>
                    </Rule>
                    <Rule><Name>rest</Name><ElseFilter/><LineSymbolizer><Stroke/></LineSymbolizer></Rule>
                  </FeatureTypeStyle></UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>""";

    @Test
    void readsSld10RulesFiltersScalesAndSymbolizers() {
        StyledLayerDescriptor sld = SldReader.read(SLD10);
        StyledLayerDescriptor.NamedLayer layer = sld.layer("flood_zones").orElseThrow();
        Style style = layer.defaultStyleOf().orElseThrow();
        assertThat(style.name()).isEqualTo("risk");
        Rule high = style.rules().get(0);
        assertThat(high.title().in(Locale.CHINESE)).isEqualTo("高风险");
        assertThat(high.title().in(Locale.ENGLISH)).isEqualTo("High risk");
        assertThat(high.minScaleDenominator()).isEqualTo(1000);
        assertThat(high.appliesAtScale(499_999)).isTrue();
        assertThat(high.appliesAtScale(500_000)).isFalse();
        Filter.And and = (Filter.And) high.filter();
        Filter.Comparison cmp = (Filter.Comparison) and.operands().get(0);
        assertThat(cmp.operator()).isEqualTo(ComparisonOperator.GE);
        assertThat(cmp.value()).isEqualTo(3L);
        Filter.Spatial bbox = (Filter.Spatial) and.operands().get(1);
        assertThat(bbox.operator()).isEqualTo(SpatialOperator.BBOX);
        assertThat(bbox.geometry().getEnvelopeInternal().getMinX()).isEqualTo(121.5);

        Symbolizer.Polygon poly = (Symbolizer.Polygon) high.symbolizers().get(0);
        assertThat(poly.fill().color()).isEqualTo(new Color(0xE03131));
        assertThat(poly.fill().opacity()).isEqualTo(0.5);
        assertThat(poly.stroke().width()).isEqualTo(2);
        assertThat(poly.stroke().dash()).containsExactly(4f, 2f);

        Symbolizer.Text text = (Symbolizer.Text) high.symbolizers().get(1);
        assertThat(text.label().asText(new org.tidemark.core.feature.Feature("1", null, java.util.Map.of("risk_class", 3))))
                .isEqualTo("风险 3 级");
        assertThat(text.font().families()).containsExactly("WenQuanYi Zen Hei");
        assertThat(text.font().bold()).isTrue();
        assertThat(text.halo().radius()).isEqualTo(2);
        assertThat(text.placement().anchorY()).isEqualTo(0);
        assertThat(text.placement().rotation()).isEqualTo(Expression.property("angle"));

        assertThat(style.rules().get(1).elseFilter()).isTrue();
    }

    @Test
    void readsSe11WithSvgParametersMarksAndExternalGraphics() {
        String se = """
                <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
                    xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink">
                  <NamedLayer><se:Name>gauges</se:Name><UserStyle><se:Name>s</se:Name><se:FeatureTypeStyle>
                    <se:Rule><se:Name>danger</se:Name>
                      <se:Description><se:Title>超保证</se:Title></se:Description>
                      <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escapeChar="!">
                        <ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>dan*r_!*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
                      <se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>star</se:WellKnownName>
                        <se:Fill><se:SvgParameter name="fill">#ff0000</se:SvgParameter></se:Fill></se:Mark>
                        <se:Size>14</se:Size><se:Rotation><ogc:PropertyName>heading</ogc:PropertyName></se:Rotation></se:Graphic></se:PointSymbolizer>
                      <se:PointSymbolizer><se:Graphic><se:ExternalGraphic><se:OnlineResource xlink:href="icons/camera-police.png"/>
                        <se:Format>image/png</se:Format></se:ExternalGraphic></se:Graphic></se:PointSymbolizer>
                    </se:Rule></se:FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>""";
        Rule r = SldReader.read(se).layer("gauges").orElseThrow().styles().get(0).rules().get(0);
        assertThat(r.title().zh()).isEqualTo("超保证");
        Filter.Like like = (Filter.Like) r.filter();
        assertThat(like.pattern()).isEqualTo("dan%r\\_*");
        Symbolizer.Point mark = (Symbolizer.Point) r.symbolizers().get(0);
        assertThat(mark.graphic().mark().wellKnownName()).isEqualTo("star");
        assertThat(mark.graphic().mark().fill().color()).isEqualTo(Color.RED);
        assertThat(mark.graphic().size()).isEqualTo(14);
        assertThat(mark.graphic().rotation()).isEqualTo(Expression.property("heading"));
        Symbolizer.Point icon = (Symbolizer.Point) r.symbolizers().get(1);
        assertThat(icon.graphic().external().href()).isEqualTo("icons/camera-police.png");
    }

    @Test
    void rejectsDoctypeSoExternalEntitiesAreNeverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE StyledLayerDescriptor [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <StyledLayerDescriptor><NamedLayer><Name>&xxe;</Name></NamedLayer></StyledLayerDescriptor>""";
        assertThatThrownBy(() -> SldReader.read(xxe)).isInstanceOf(StyleException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void rejectsBillionLaughsAndOversizedDocuments() {
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<StyledLayerDescriptor><NamedLayer><Name>&lol2;</Name></NamedLayer></StyledLayerDescriptor>";
        assertThatThrownBy(() -> SldReader.read(lol)).isInstanceOf(StyleException.class);
        String big = "<StyledLayerDescriptor>" + "<!-- x -->".repeat(SldReader.MAX_BYTES / 10 + 1) + "</StyledLayerDescriptor>";
        assertThatThrownBy(() -> SldReader.read(big)).isInstanceOf(StyleException.class).hasMessageContaining("larger");
    }

    @Test
    void refusesRemoteOrTraversingExternalGraphics() {
        for (String href : new String[] {"http://evil.example/x.png", "../../etc/passwd", "file:/etc/hosts", "/abs.png"}) {
            String sld = "<UserStyle xmlns:xlink=\"http://www.w3.org/1999/xlink\"><FeatureTypeStyle><Rule><PointSymbolizer><Graphic>"
                    + "<ExternalGraphic><OnlineResource xlink:href=\"" + href + "\"/></ExternalGraphic></Graphic></PointSymbolizer>"
                    + "</Rule></FeatureTypeStyle></UserStyle>";
            assertThatThrownBy(() -> SldReader.read(sld)).as(href).isInstanceOf(StyleException.class);
        }
    }

    @Test
    void reportsMalformedXmlAndBadValuesAsStyleErrors() {
        assertThatThrownBy(() -> SldReader.read("<StyledLayerDescriptor><NamedLayer>")).isInstanceOf(StyleException.class);
        assertThatThrownBy(() -> SldReader.read("<UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer><Fill>"
                + "<CssParameter name=\"fill\">red</CssParameter></Fill></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle>"))
                .isInstanceOf(StyleException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> SldReader.read("<html/>")).isInstanceOf(StyleException.class);
    }

    @Test
    void readsViewConeGeometryFunction() {
        String sld = "<UserStyle xmlns:ogc=\"http://www.opengis.net/ogc\"><FeatureTypeStyle><Rule><PolygonSymbolizer><Geometry>"
                + "<ogc:Function name=\"viewCone\"><ogc:PropertyName>heading</ogc:PropertyName><ogc:PropertyName>fov</ogc:PropertyName>"
                + "<ogc:Literal>300</ogc:Literal></ogc:Function></Geometry></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle>";
        Symbolizer s = SldReader.read(sld).layers().get(0).styles().get(0).rules().get(0).symbolizers().get(0);
        assertThat(s.geometry()).isEqualTo(new GeometryExpression.ViewCone(Expression.property("heading"),
                Expression.property("fov"), Expression.literal("300")));
    }
}
