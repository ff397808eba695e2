<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>coastal_cameras</Name>
    <UserStyle>
      <Name>coastal_cameras</Name>
      <Title xml:lang="zh">海岸监控摄像头</Title><Title xml:lang="en">Coastal cameras</Title>
      <IsDefault>1</IsDefault>
      <FeatureTypeStyle>
        <Rule><Name>cone</Name><Title xml:lang="zh">监控视域</Title><Title xml:lang="en">Field of view</Title><MaxScaleDenominator>60000</MaxScaleDenominator><PolygonSymbolizer><Geometry><ogc:Function name="viewCone"><ogc:PropertyName>heading</ogc:PropertyName><ogc:PropertyName>fov</ogc:PropertyName><ogc:PropertyName>range_m</ogc:PropertyName></ogc:Function></Geometry><Fill><CssParameter name="fill">#00796B</CssParameter><CssParameter name="fill-opacity">0.18</CssParameter></Fill><Stroke><CssParameter name="stroke">#00796B</CssParameter><CssParameter name="stroke-width">0.8</CssParameter><CssParameter name="stroke-opacity">0.7</CssParameter></Stroke></PolygonSymbolizer></Rule>
        <Rule><Name>camera</Name><Title xml:lang="zh">海岸监控摄像头</Title><Title xml:lang="en">Coastal cameras</Title><PointSymbolizer><Graphic><ExternalGraphic><OnlineResource xlink:type="simple" xlink:href="icons/camera-coastal.png"/><Format>image/png</Format></ExternalGraphic><Size>20</Size></Graphic></PointSymbolizer></Rule>
      </FeatureTypeStyle>
      <FeatureTypeStyle>
        <Rule><Name>label</Name><Title xml:lang="zh">摄像头名称</Title><Title xml:lang="en">Camera name</Title><MaxScaleDenominator>25000</MaxScaleDenominator><TextSymbolizer><Label><ogc:PropertyName>name</ogc:PropertyName></Label><Font><CssParameter name="font-family">WenQuanYi Zen Hei</CssParameter><CssParameter name="font-family">sans-serif</CssParameter><CssParameter name="font-size">10</CssParameter></Font><LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>1</AnchorPointY></AnchorPoint><Displacement><DisplacementX>0</DisplacementX><DisplacementY>-12</DisplacementY></Displacement></PointPlacement></LabelPlacement><Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#FFFFFF</CssParameter></Fill></Halo><Fill><CssParameter name="fill">#00796B</CssParameter></Fill></TextSymbolizer></Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
