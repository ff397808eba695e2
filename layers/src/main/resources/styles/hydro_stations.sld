<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>hydro_stations</Name>
    <UserStyle>
      <Name>hydro_stations</Name>
      <Title xml:lang="zh">水文测站（按站类）</Title><Title xml:lang="en">Hydrological stations by type</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>RR</Name><Title xml:lang="zh">水库站</Title><Title xml:lang="en">Reservoir station</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>STTP</ogc:PropertyName><ogc:Literal>RR</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><PointSymbolizer><Graphic><Mark><WellKnownName>square</WellKnownName><Fill><CssParameter name="fill">#1971C2</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>11</Size></Graphic></PointSymbolizer></Rule>
        <Rule><Name>ZZ</Name><Title xml:lang="zh">河道站</Title><Title xml:lang="en">River station</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>STTP</ogc:PropertyName><ogc:Literal>ZZ</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><PointSymbolizer><Graphic><Mark><WellKnownName>triangle</WellKnownName><Fill><CssParameter name="fill">#0CA678</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>11</Size></Graphic></PointSymbolizer></Rule>
        <Rule><Name>TT</Name><Title xml:lang="zh">潮位站</Title><Title xml:lang="en">Tide station</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>STTP</ogc:PropertyName><ogc:Literal>TT</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><PointSymbolizer><Graphic><Mark><WellKnownName>star</WellKnownName><Fill><CssParameter name="fill">#7048E8</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>11</Size></Graphic></PointSymbolizer></Rule>
        <Rule><Name>PP</Name><Title xml:lang="zh">雨量站</Title><Title xml:lang="en">Rain gauge</Title><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>STTP</ogc:PropertyName><ogc:Literal>PP</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#F08C00</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">1</CssParameter></Stroke></Mark><Size>11</Size></Graphic></PointSymbolizer></Rule>
        <Rule><Name>other</Name><Title xml:lang="zh">其他测站</Title><Title xml:lang="en">Other station</Title><ElseFilter/><PointSymbolizer><Graphic><Mark><WellKnownName>cross</WellKnownName><Fill><CssParameter name="fill">#495057</CssParameter></Fill><Stroke><CssParameter name="stroke">#FFFFFF</CssParameter><CssParameter name="stroke-width">0.5</CssParameter></Stroke></Mark><Size>10</Size></Graphic></PointSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">测站名称</Title><Title xml:lang="en">Station name</Title><MaxScaleDenominator>50000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>STNM</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">11</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#212529</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
