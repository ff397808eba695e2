<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>roads</Name>
    <UserStyle>
      <Name>roads</Name>
      <Title xml:lang="zh">道路</Title><Title xml:lang="en">Roads</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>motorway</Name><Title xml:lang="zh">高速公路</Title><Title xml:lang="en">Motorway</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>class</ogc:PropertyName><ogc:Literal>motorway</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><LineSymbolizer><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">5.5</CssParameter></Stroke></LineSymbolizer><LineSymbolizer><Stroke><CssParameter name="stroke">#E8590C</CssParameter><CssParameter name="stroke-width">4</CssParameter></Stroke></LineSymbolizer></Rule>
        <Rule><Name>primary</Name><Title xml:lang="zh">国道/省道</Title><Title xml:lang="en">Primary road</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>class</ogc:PropertyName><ogc:Literal>primary</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><LineSymbolizer><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">4.5</CssParameter></Stroke></LineSymbolizer><LineSymbolizer><Stroke><CssParameter name="stroke">#F08C00</CssParameter><CssParameter name="stroke-width">3</CssParameter></Stroke></LineSymbolizer></Rule>
        <Rule><Name>secondary</Name><Title xml:lang="zh">县道</Title><Title xml:lang="en">Secondary road</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>class</ogc:PropertyName><ogc:Literal>secondary</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><LineSymbolizer><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">3.7</CssParameter></Stroke></LineSymbolizer><LineSymbolizer><Stroke><CssParameter name="stroke">#FAB005</CssParameter><CssParameter name="stroke-width">2.2</CssParameter></Stroke></LineSymbolizer></Rule>
        <Rule><Name>local</Name><Title xml:lang="zh">乡村道路</Title><Title xml:lang="en">Local road</Title><ElseFilter/><MaxScaleDenominator>150000</MaxScaleDenominator><LineSymbolizer><Stroke><CssParameter name="stroke">#ADB5BD</CssParameter><CssParameter name="stroke-width">1.2</CssParameter></Stroke></LineSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">道路名称</Title><Title xml:lang="en">Road name</Title><MaxScaleDenominator>40000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">10</CssParameter></Font><LabelPlacement><LinePlacement/></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#495057</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
