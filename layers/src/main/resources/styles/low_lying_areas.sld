<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>low_lying_areas</Name>
    <UserStyle>
      <Name>low_lying_hatched</Name>
      <Title xml:lang="zh">低洼易涝区（斜线）</Title><Title xml:lang="en">Low-lying areas (hatched)</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>low</Name><Title xml:lang="zh">低洼易涝区</Title><Title xml:lang="en">Low-lying area</Title><PolygonSymbolizer><Fill><GraphicFill><Graphic><Mark><WellKnownName>shape://slash</WellKnownName><Stroke><CssParameter name="stroke">#1C7ED6</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>8</Size></Graphic></GraphicFill></Fill><Stroke><CssParameter name="stroke">#1C7ED6</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></PolygonSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">名称</Title><Title xml:lang="en">Name</Title><MaxScaleDenominator>50000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">11</CssParameter></Font><LabelPlacement><PointPlacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#1864AB</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
