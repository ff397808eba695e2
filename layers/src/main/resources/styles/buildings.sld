<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>buildings</Name>
    <UserStyle>
      <Name>buildings_by_use</Name>
      <Title xml:lang="zh">建筑（按用途）</Title><Title xml:lang="en">Buildings by use</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>residential</Name><Title xml:lang="zh">住宅</Title><Title xml:lang="en">Residential</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>use</ogc:PropertyName><ogc:Literal>residential</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><MaxScaleDenominator>100000</MaxScaleDenominator><PolygonSymbolizer><Fill><CssParameter name="fill">#E9C46A</CssParameter><CssParameter name="fill-opacity">0.9</CssParameter></Fill><Stroke><CssParameter name="stroke">#868E96</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Name>commercial</Name><Title xml:lang="zh">商业</Title><Title xml:lang="en">Commercial</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>use</ogc:PropertyName><ogc:Literal>commercial</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><MaxScaleDenominator>100000</MaxScaleDenominator><PolygonSymbolizer><Fill><CssParameter name="fill">#F4A261</CssParameter><CssParameter name="fill-opacity">0.9</CssParameter></Fill><Stroke><CssParameter name="stroke">#868E96</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Name>industrial</Name><Title xml:lang="zh">工业</Title><Title xml:lang="en">Industrial</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>use</ogc:PropertyName><ogc:Literal>industrial</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><MaxScaleDenominator>100000</MaxScaleDenominator><PolygonSymbolizer><Fill><CssParameter name="fill">#B5838D</CssParameter><CssParameter name="fill-opacity">0.9</CssParameter></Fill><Stroke><CssParameter name="stroke">#868E96</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Name>public</Name><Title xml:lang="zh">公共服务</Title><Title xml:lang="en">Public</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>use</ogc:PropertyName><ogc:Literal>public</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><MaxScaleDenominator>100000</MaxScaleDenominator><PolygonSymbolizer><Fill><CssParameter name="fill">#90BE6D</CssParameter><CssParameter name="fill-opacity">0.9</CssParameter></Fill><Stroke><CssParameter name="stroke">#868E96</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Name>other</Name><Title xml:lang="zh">其他建筑</Title><Title xml:lang="en">Other buildings</Title><ElseFilter/><MaxScaleDenominator>100000</MaxScaleDenominator><PolygonSymbolizer><Fill><CssParameter name="fill">#CED4DA</CssParameter><CssParameter name="fill-opacity">0.9</CssParameter></Fill><Stroke><CssParameter name="stroke">#868E96</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></PolygonSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
