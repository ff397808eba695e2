package org.tidemark.data.demo;

import java.util.List;

/**
 * A settlement the generators build around. Positions are approximate town centres of Xiangshan County
 * (moved onto the nearest land cell if the coastline says otherwise); building counts are demo targets.
 *
 * @param id        stable ascii id, used in feature ids
 * @param zh        Chinese name
 * @param en        English name
 * @param lon       centre longitude
 * @param lat       centre latitude
 * @param radiusKm  radius of the dense built-up core
 * @param buildings how many buildings to place
 * @param seat      the county seat
 */
record Town(String id, String zh, String en, double lon, double lat, double radiusKm, int buildings, boolean seat) {

    Town moved(double newLon, double newLat) {
        return new Town(id, zh, en, newLon, newLat, radiusKm, buildings, seat);
    }

    /** The towns of Xiangshan County. */
    static final List<Town> XIANGSHAN = List.of(
            new Town("dancheng", "丹城", "Dancheng", 121.875, 29.470, 1.8, 6500, true),
            new Town("shipu", "石浦", "Shipu", 121.955, 29.205, 1.2, 3200, false),
            new Town("xizhou", "西周", "Xizhou", 121.735, 29.555, 1.0, 1600, false),
            new Town("juexi", "爵溪", "Juexi", 121.955, 29.455, 0.8, 1000, false),
            new Town("dingtang", "定塘", "Dingtang", 121.790, 29.275, 0.8, 1000, false),
            new Town("xianxiang", "贤庠", "Xianxiang", 121.815, 29.535, 0.7, 800, false),
            new Town("daxu", "大徐", "Daxu", 121.775, 29.425, 0.6, 600, false),
            new Town("xinqiao", "新桥", "Xinqiao", 121.790, 29.330, 0.6, 700, false),
            new Town("dongchen", "东陈", "Dongchen", 121.925, 29.385, 0.6, 600, false),
            new Town("xiaotang", "晓塘", "Xiaotang", 121.850, 29.370, 0.6, 600, false),
            new Town("maoyang", "茅洋", "Maoyang", 121.850, 29.245, 0.5, 500, false),
            new Town("qiangtou", "墙头", "Qiangtou", 121.790, 29.495, 0.6, 600, false),
            new Town("huangbiao", "黄避岙", "Huangbi'ao", 121.675, 29.580, 0.5, 450, false),
            new Town("sizhoutou", "泗洲头", "Sizhoutou", 121.700, 29.475, 0.5, 450, false),
            new Town("tuci", "涂茨", "Tuci", 121.930, 29.520, 0.6, 600, false),
            new Town("hepu", "鹤浦", "Hepu", 121.955, 29.110, 0.7, 900, false),
            new Town("gaotang", "高塘岛", "Gaotang", 121.850, 29.120, 0.6, 700, false));

    double distanceKm(double lon2, double lat2) {
        double dx = (lon2 - lon) * Grid.metresPerDegLon() / 1000;
        double dy = (lat2 - lat) * Grid.METRES_PER_DEG_LAT / 1000;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
