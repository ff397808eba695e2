package org.tidemark.data.demo;

import static org.tidemark.core.feature.AttributeType.DATETIME;
import static org.tidemark.core.feature.AttributeType.DOUBLE;
import static org.tidemark.core.feature.AttributeType.INTEGER;
import static org.tidemark.core.feature.AttributeType.STRING;

import java.util.List;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;

/**
 * The catalog records of the demo layers: names, departments and attributes as every module expects them
 * (see HELPERS.md "Demo layers"), with Chinese and English titles, abstracts and attribute titles.
 */
public final class DemoLayers {
    private DemoLayers() {}

    public static final Department PLANNING = new Department("planning", LocalizedText.of("规划局", "Planning Bureau"));
    public static final Department WATER = new Department("water", LocalizedText.of("水利局", "Water Resources Bureau"));
    public static final Department POLICE = new Department("police", LocalizedText.of("公安局", "Public Security Bureau"));
    public static final Department OCEAN = new Department("ocean", LocalizedText.of("海洋与渔业局", "Ocean and Fisheries Bureau"));
    public static final Department EMERGENCY = new Department("emergency", LocalizedText.of("应急管理局", "Emergency Management Bureau"));

    public static final List<Department> DEPARTMENTS = List.of(PLANNING, WATER, POLICE, OCEAN, EMERGENCY);

    private static final String SYNTHETIC_ZH = "（演示数据，由固定种子生成，非实测）";
    private static final String SYNTHETIC_EN = " (Demo data generated from a fixed seed; not surveyed.)";

    private static Attribute a(String name, org.tidemark.core.feature.AttributeType type, String zh, String en) {
        return Attribute.of(name, type, zh, en);
    }

    private static Layer layer(String name, String zh, String en, String absZh, String absEn, GeometryKind kind,
                               List<Attribute> attrs, Department dept, List<String> keywords, String frequency,
                               boolean isPublic, String contact) {
        return layer(name, zh, en, absZh, absEn, kind, attrs, dept, keywords, frequency, isPublic, contact, null);
    }

    private static Layer layer(String name, String zh, String en, String absZh, String absEn, GeometryKind kind,
                               List<Attribute> attrs, Department dept, List<String> keywords, String frequency,
                               boolean isPublic, String contact, String timeAttribute) {
        FeatureType type = new FeatureType(name, LocalizedText.of(zh, en),
                LocalizedText.of(absZh + SYNTHETIC_ZH, absEn + SYNTHETIC_EN), attrs, "geom", kind, 4490, timeAttribute);
        return new Layer(type, dept, keywords, frequency, isPublic, false, contact);
    }

    static final List<Attribute> CAMERA_ATTRIBUTES = List.of(
            a("code", STRING, "设备编码", "Device code"),
            a("name", STRING, "点位名称", "Site name"),
            a("heading", DOUBLE, "朝向（度，正北顺时针）", "Heading (degrees clockwise from north)"),
            a("fov", DOUBLE, "水平视场角（度）", "Horizontal field of view (degrees)"),
            a("range_m", DOUBLE, "有效监视距离（米）", "Effective range (m)"),
            a("height_m", DOUBLE, "安装高度（米）", "Mounting height (m)"),
            a("road", STRING, "所在道路/海塘", "Road or seawall"),
            a("stream_url", STRING, "视频流地址（占位，不访问）", "Video stream URL (placeholder, never fetched)"));

    /** All demo layers in catalog order. */
    public static List<Layer> all() {
        return List.of(
                layer("land", "陆地", "Land", "GSHHG 2.3.7 全分辨率海岸线构成的陆地面（象山半岛及岛屿），LGPL 许可。",
                        "Land polygons (Xiangshan peninsula and islands) from the GSHHG 2.3.7 full-resolution shoreline, LGPL.",
                        GeometryKind.POLYGON, List.of(a("name", STRING, "名称", "Name"), a("name_en", STRING, "英文名称", "English name")),
                        PLANNING, List.of("海岸线", "coastline", "land", "GSHHG"), "static", true, "规划局信息中心 gis@planning.xiangshan.example"),
                layer("buildings", "建筑物", "Buildings", "城镇与村庄的建筑物轮廓，含高度、层数与用途。",
                        "Building footprints in the towns and villages with height, floors and use.",
                        GeometryKind.POLYGON, List.of(a("name", STRING, "名称", "Name"), a("height", DOUBLE, "高度（米）", "Height (m)"),
                                a("floors", INTEGER, "层数", "Floors"), a("use", STRING, "用途", "Use"), a("town", STRING, "所在乡镇", "Town")),
                        PLANNING, List.of("建筑", "buildings", "3D"), "quarterly", true, "规划局信息中心 gis@planning.xiangshan.example"),
                layer("roads", "道路", "Roads", "国道、县道与城镇街道中心线。", "Centre lines of national, county and town roads.",
                        GeometryKind.LINESTRING, List.of(a("name", STRING, "道路名称", "Road name"), a("class", STRING, "道路等级", "Road class")),
                        PLANNING, List.of("道路", "roads", "basemap"), "quarterly", true, "规划局信息中心 gis@planning.xiangshan.example"),
                layer("place_names", "地名", "Place names", "乡镇、村庄、岛屿、山峰、水体与水库地名点。",
                        "Names of towns, villages, islands, peaks, waters and reservoirs.",
                        GeometryKind.POINT, List.of(a("name_zh", STRING, "中文名", "Chinese name"), a("name_en", STRING, "英文名", "English name"),
                                a("kind", STRING, "类别", "Kind")),
                        PLANNING, List.of("地名", "place names", "basemap"), "yearly", true, "规划局信息中心 gis@planning.xiangshan.example"),
                layer("reservoirs", "水库", "Reservoirs", "水库水面范围及特征水位（85高程基准）。",
                        "Reservoir water areas and characteristic levels (1985 national height datum).",
                        GeometryKind.POLYGON, List.of(a("name", STRING, "水库名称", "Name"), a("capacity_mcm", DOUBLE, "库容（百万立方米）", "Capacity (million m³)"),
                                a("normal_level", DOUBLE, "正常蓄水位（米）", "Normal pool level (m)"),
                                a("flood_limit_level", DOUBLE, "汛限水位（米）", "Flood-limit level (m)"),
                                a("dam_crest", DOUBLE, "坝顶高程（米）", "Dam crest elevation (m)")),
                        WATER, List.of("水库", "reservoirs", "水利"), "yearly", false, "水利局防汛办 fxb@water.xiangshan.example"),
                layer("seawalls", "海塘", "Seawalls", "沿低洼海岸的标准海塘。", "Seawalls along the low-lying coast.",
                        GeometryKind.LINESTRING, List.of(a("name", STRING, "海塘名称", "Name"),
                                a("crest_elevation", DOUBLE, "塘顶高程（米）", "Crest elevation (m)"),
                                a("design_standard", STRING, "设防标准", "Design standard")),
                        WATER, List.of("海塘", "seawalls", "防潮"), "yearly", false, "水利局防汛办 fxb@water.xiangshan.example"),
                layer("streams", "河流溪沟", "Streams", "由地形汇流提取的溪流中心线，含 Strahler 河流等级。",
                        "Stream centre lines derived from the terrain's flow accumulation, with Strahler order.",
                        GeometryKind.LINESTRING, List.of(a("name", STRING, "名称", "Name"), a("order", INTEGER, "河流等级（Strahler）", "Strahler order")),
                        WATER, List.of("河流", "streams", "水系"), "yearly", true, "水利局防汛办 fxb@water.xiangshan.example"),
                layer("hydro_stations", "水文测站", "Hydrological stations",
                        "水位站（水库 RR、河道 ZZ、潮位 TT）与雨量站（PP）基本信息及预警指标，字段名沿用 SL 323 水文数据库表结构。",
                        "Register of water-level stations (reservoir RR, river ZZ, tide TT) and rain gauges (PP) with warning thresholds; field names follow SL 323.",
                        GeometryKind.POINT, List.of(
                                a("STCD", STRING, "测站编码", "Station code"), a("STNM", STRING, "测站名称", "Station name"),
                                a("STNM_EN", STRING, "测站英文名", "Station name (English)"),
                                a("STTP", STRING, "站类（RR 水库 ZZ 河道 TT 潮位 PP 雨量）", "Station type (RR reservoir, ZZ river, TT tide, PP rain)"),
                                a("WRZ", DOUBLE, "警戒水位（米）", "Warning level (m)"), a("GRZ", DOUBLE, "保证水位（米）", "Guarantee level (m)"),
                                a("FSLTDZ", DOUBLE, "汛限水位（米）", "Flood-limit level (m)"),
                                a("RAIN_1H", DOUBLE, "1小时雨量预警（毫米）", "1-hour rain threshold (mm)"),
                                a("RAIN_3H", DOUBLE, "3小时雨量预警（毫米）", "3-hour rain threshold (mm)"),
                                a("RAIN_24H", DOUBLE, "24小时雨量预警（毫米）", "24-hour rain threshold (mm)"),
                                a("ADDVCD", STRING, "行政区划码", "Administrative division code"),
                                a("DTMNM", STRING, "基面名称", "Datum")),
                        WATER, List.of("水文", "测站", "hydrology", "SL 323", "gauges"), "static", false, "水利局防汛办 fxb@water.xiangshan.example"),
                layer("police_cameras", "公安视频监控", "Police cameras", "道路与城镇的公安视频监控点位，含朝向、视场与监视距离。",
                        "Public-security video cameras on roads and in towns, with heading, field of view and range.",
                        GeometryKind.POINT, CAMERA_ATTRIBUTES, POLICE, List.of("视频", "cameras", "公安"), "monthly", false,
                        "公安局科信科 kx@police.xiangshan.example"),
                layer("coastal_cameras", "海岸视频监控", "Coastal cameras", "海塘与港湾的海岸视频监控点位（含远距离热成像）。",
                        "Coastal video cameras on seawalls and harbours (including long-range thermal).",
                        GeometryKind.POINT, CAMERA_ATTRIBUTES, OCEAN, List.of("视频", "cameras", "海岸", "coast"), "monthly", false,
                        "海洋与渔业局执法支队 zf@ocean.xiangshan.example"),
                layer("low_lying_areas", "低洼易涝区", "Low-lying areas", "城镇附近地面高程低于 3 米的低洼易涝区域（由 DEM 提取）。",
                        "Areas near towns with ground below 3 m, derived from the DEM.",
                        GeometryKind.POLYGON, List.of(a("name", STRING, "名称", "Name"), a("min_elev", DOUBLE, "最低高程（米）", "Lowest ground (m)"),
                                a("area_km2", DOUBLE, "面积（平方千米）", "Area (km²)")),
                        EMERGENCY, List.of("低洼", "内涝", "flooding", "low-lying"), "yearly", false, "应急管理局指挥中心 zh@emergency.xiangshan.example"),
                layer("flood_zones", "洪涝风险区", "Flood zones", "按地面高程与距河道远近划分的洪涝风险区（1 高 2 中 3 低）。",
                        "Flood risk zones from ground elevation and distance to streams (1 high, 2 medium, 3 low).",
                        GeometryKind.POLYGON, List.of(a("risk_class", INTEGER, "风险等级（1高 2中 3低）", "Risk class (1 high, 2 medium, 3 low)"),
                                a("scenario", STRING, "情景", "Scenario"), a("max_depth_m", DOUBLE, "最大淹没水深（米）", "Maximum depth (m)")),
                        EMERGENCY, List.of("洪涝", "风险", "flood", "risk"), "yearly", false, "应急管理局指挥中心 zh@emergency.xiangshan.example"),
                layer("flood_progression", "风暴潮淹没过程", "Storm-surge flood progression",
                        "演示台风风暴潮逐时淹没范围：潮位逐时上涨至 5.2 米，海水经低于潮位的陆地可达之处（由 DEM 提取）。",
                        "Hour-by-hour inundation of the demo typhoon's storm surge: land below the rising tide (up to 5.2 m)"
                                + " that the sea reaches, derived from the DEM.",
                        GeometryKind.POLYGON, List.of(a("step_time", DATETIME, "时刻", "Time"), a("step", INTEGER, "时段序号", "Step"),
                                a("tide_level_m", DOUBLE, "潮位（米）", "Tide level (m)"), a("max_depth_m", DOUBLE, "最大淹没水深（米）", "Maximum depth (m)"),
                                a("area_km2", DOUBLE, "面积（平方千米）", "Area (km²)"), a("scenario", STRING, "情景", "Scenario")),
                        EMERGENCY, List.of("洪涝", "风暴潮", "淹没", "flood", "storm surge"), "yearly", false,
                        "应急管理局指挥中心 zh@emergency.xiangshan.example", "step_time"));
    }
}
