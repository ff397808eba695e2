<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
    xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>flood_zones</se:Name>
    <UserStyle>
      <se:Name>flood_risk</se:Name>
      <se:Description><se:Title xml:lang="zh">洪水风险分区</se:Title><se:Title xml:lang="en">Flood risk zones</se:Title></se:Description>
      <se:FeatureTypeStyle>
        <se:Rule><se:Name>risk1</se:Name><se:Description><se:Title xml:lang="zh">低风险区（1级）</se:Title><se:Title xml:lang="en">Low risk (class 1)</se:Title></se:Description><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>risk_class</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">#FFE066</se:SvgParameter><se:SvgParameter name="fill-opacity">0.55</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#E0B800</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>
        <se:Rule><se:Name>risk2</se:Name><se:Description><se:Title xml:lang="zh">中风险区（2级）</se:Title><se:Title xml:lang="en">Medium risk (class 2)</se:Title></se:Description><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>risk_class</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">#FF9F40</se:SvgParameter><se:SvgParameter name="fill-opacity">0.6</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#D9480F</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>
        <se:Rule><se:Name>risk3</se:Name><se:Description><se:Title xml:lang="zh">高风险区（3级）</se:Title><se:Title xml:lang="en">High risk (class 3)</se:Title></se:Description><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>risk_class</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">#E03131</se:SvgParameter><se:SvgParameter name="fill-opacity">0.6</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#A61E1E</se:SvgParameter><se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
