<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se"
    xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>gauges</se:Name>
    <UserStyle>
      <se:Name>gauges_status</se:Name>
      <se:Description><se:Title xml:lang="zh">实时水位站（按预警状态）</se:Title><se:Title xml:lang="en">Live gauges by alarm status</se:Title></se:Description>
      <se:FeatureTypeStyle>
        <se:Rule><se:Name>normal</se:Name><se:Description><se:Title xml:lang="zh">正常</se:Title><se:Title xml:lang="en">Normal</se:Title></se:Description><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>normal</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill><se:SvgParameter name="fill">#2F9E44</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#FFFFFF</se:SvgParameter><se:SvgParameter name="stroke-width">1.5</se:SvgParameter></se:Stroke></se:Mark><se:Size>10</se:Size></se:Graphic></se:PointSymbolizer></se:Rule>
        <se:Rule><se:Name>warning</se:Name><se:Description><se:Title xml:lang="zh">超警戒水位</se:Title><se:Title xml:lang="en">Above warning level</se:Title></se:Description><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>warning</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill><se:SvgParameter name="fill">#FCC419</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#FFFFFF</se:SvgParameter><se:SvgParameter name="stroke-width">1.5</se:SvgParameter></se:Stroke></se:Mark><se:Size>12</se:Size></se:Graphic></se:PointSymbolizer></se:Rule>
        <se:Rule><se:Name>danger</se:Name><se:Description><se:Title xml:lang="zh">超保证水位</se:Title><se:Title xml:lang="en">Above guarantee level</se:Title></se:Description><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>danger</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter><se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill><se:SvgParameter name="fill">#E03131</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#FFFFFF</se:SvgParameter><se:SvgParameter name="stroke-width">1.5</se:SvgParameter></se:Stroke></se:Mark><se:Size>14</se:Size></se:Graphic></se:PointSymbolizer></se:Rule>
        <se:Rule><se:Name>nodata</se:Name><se:Description><se:Title xml:lang="zh">无数据</se:Title><se:Title xml:lang="en">No data</se:Title></se:Description><se:ElseFilter/><se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill><se:SvgParameter name="fill">#ADB5BD</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#FFFFFF</se:SvgParameter><se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke></se:Mark><se:Size>8</se:Size></se:Graphic></se:PointSymbolizer></se:Rule>
      </se:FeatureTypeStyle>
      <se:FeatureTypeStyle>
        <se:Rule><se:Name>label</se:Name><se:Description><se:Title xml:lang="zh">测站名称</se:Title><se:Title xml:lang="en">Station name</se:Title></se:Description><se:MaxScaleDenominator>50000</se:MaxScaleDenominator><se:TextSymbolizer><se:Label><ogc:PropertyName>STNM</ogc:PropertyName></se:Label><se:Font><se:SvgParameter name="font-family">WenQuanYi Zen Hei</se:SvgParameter><se:SvgParameter name="font-family">sans-serif</se:SvgParameter><se:SvgParameter name="font-size">11</se:SvgParameter></se:Font><se:LabelPlacement><se:PointPlacement><se:AnchorPoint><se:AnchorPointX>0</se:AnchorPointX><se:AnchorPointY>0.5</se:AnchorPointY></se:AnchorPoint></se:PointPlacement></se:LabelPlacement><se:Halo><se:Radius>1.5</se:Radius><se:Fill><se:SvgParameter name="fill">#FFFFFF</se:SvgParameter></se:Fill></se:Halo><se:Fill><se:SvgParameter name="fill">#212529</se:SvgParameter></se:Fill></se:TextSymbolizer></se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
