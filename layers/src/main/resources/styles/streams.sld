<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>streams</Name>
    <UserStyle>
      <Name>streams</Name>
      <Title xml:lang="zh">河流</Title><Title xml:lang="en">Streams</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>major</Name><Title xml:lang="zh">干流（3级及以上）</Title><Title xml:lang="en">Main rivers (order ≥ 3)</Title><ogc:Filter><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>order</ogc:PropertyName><ogc:Literal>3</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter><LineSymbolizer><Stroke><CssParameter name="stroke">#339AF0</CssParameter><CssParameter name="stroke-width">2.2</CssParameter></Stroke></LineSymbolizer></Rule>
        <Rule><Name>minor</Name><Title xml:lang="zh">支流</Title><Title xml:lang="en">Tributaries</Title><ElseFilter/><LineSymbolizer><Stroke><CssParameter name="stroke">#74C0FC</CssParameter><CssParameter name="stroke-width">1.2</CssParameter></Stroke></LineSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">河流名称</Title><Title xml:lang="en">River name</Title><MaxScaleDenominator>60000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">11</CssParameter></Font><LabelPlacement><LinePlacement/></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#1971C2</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
