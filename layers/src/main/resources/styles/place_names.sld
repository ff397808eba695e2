<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>place_names</Name>
    <UserStyle>
      <Name>place_names_zh</Name>
      <Title xml:lang="zh">地名（中文）</Title><Title xml:lang="en">Place names (Chinese)</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>place</Name><Title xml:lang="zh">地名</Title><Title xml:lang="en">Place</Title><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#343A40</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>5</Size></Graphic></PointSymbolizer><TextSymbolizer><Label><ogc:PropertyName>name_zh</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">13</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0</AnchorPointY></AnchorPoint><Displacement><DisplacementX>0</DisplacementX><DisplacementY>5</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#212529</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
    <UserStyle>
      <Name>place_names_en</Name>
      <Title xml:lang="zh">地名（英文）</Title><Title xml:lang="en">Place names (English)</Title>
      <IsDefault>0</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>place</Name><Title xml:lang="zh">地名</Title><Title xml:lang="en">Place</Title><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#343A40</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>5</Size></Graphic></PointSymbolizer><TextSymbolizer><Label><ogc:PropertyName>name_en</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">12</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0</AnchorPointY></AnchorPoint><Displacement><DisplacementX>0</DisplacementX><DisplacementY>5</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#212529</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
