<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>seawalls</Name>
    <UserStyle>
      <Name>seawalls</Name>
      <Title xml:lang="zh">海塘</Title><Title xml:lang="en">Seawalls</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>seawall</Name><Title xml:lang="zh">海塘</Title><Title xml:lang="en">Seawall</Title><LineSymbolizer><Stroke><CssParameter name="stroke">#5C3C1E</CssParameter><CssParameter name="stroke-width">3.5</CssParameter></Stroke></LineSymbolizer><LineSymbolizer><Stroke><CssParameter name="stroke">#F1E3C8</CssParameter><CssParameter name="stroke-width">1</CssParameter><CssParameter name="stroke-opacity">1</CssParameter><CssParameter name="stroke-dasharray">4 3</CssParameter></Stroke></LineSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">海塘名称</Title><Title xml:lang="en">Seawall name</Title><MaxScaleDenominator>50000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">11</CssParameter></Font><LabelPlacement><LinePlacement/></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#5C3C1E</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
