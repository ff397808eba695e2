<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>land</Name>
    <UserStyle>
      <Name>land</Name>
      <Title xml:lang="zh">陆地</Title><Title xml:lang="en">Land</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>land</Name><Title xml:lang="zh">陆地</Title><Title xml:lang="en">Land</Title><PolygonSymbolizer><Fill><CssParameter name="fill">#F1EFE8</CssParameter></Fill><Stroke><CssParameter name="stroke">#B0A99F</CssParameter><CssParameter name="stroke-width">0.6</CssParameter></Stroke></PolygonSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
