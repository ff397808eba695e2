<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>reservoirs</Name>
    <UserStyle>
      <Name>reservoirs</Name>
      <Title xml:lang="zh">水库</Title><Title xml:lang="en">Reservoirs</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>reservoir</Name><Title xml:lang="zh">水库</Title><Title xml:lang="en">Reservoir</Title><PolygonSymbolizer><Fill><CssParameter name="fill">#74C0FC</CssParameter><CssParameter name="fill-opacity">0.85</CssParameter></Fill><Stroke><CssParameter name="stroke">#1971C2</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></PolygonSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">水库名称</Title><Title xml:lang="en">Reservoir name</Title><MaxScaleDenominator>150000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">12</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font><LabelPlacement><PointPlacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#1864AB</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
