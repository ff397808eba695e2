package org.tidemark.layers.wms;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.render.MapView;
import org.tidemark.core.source.FeatureCursor;

/**
 * GetFeatureInfo (WMS 1.3.0 §7.4; 1.1.1 §7.3): the features of each queried layer under the pixel
 * (I, J) — or (X, Y) in 1.1.1 — of the map GetMap would draw. Areas are hit when they contain the pixel
 * centre; points and lines when they pass within the pixel tolerance, so they can be clicked. At most
 * FEATURE_COUNT features per layer, nearest first; invisible attributes are masked.
 */
final class FeatureInfoService {
    private static final GeometryFactory GF = new GeometryFactory();
    private final LayerAccess access;
    private final WmsSettings settings;

    FeatureInfoService(LayerAccess access, WmsSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    record LayerHits(FeatureType type, List<Feature> features) {}

    record Request(GetMapRequest map, List<String> queryLayers, String infoFormat, int i, int j, int featureCount) {
        static Request parse(WmsParams p, WmsSettings settings) {
            GetMapRequest map = GetMapRequest.parse(p, settings, true);
            List<String> ql = GetMapRequest.split(p.required("QUERY_LAYERS"));
            String infoFormat = p.get("INFO_FORMAT", "text/plain");
            if (!FeatureInfoWriter.supports(infoFormat)) throw WmsErrors.invalidFormat("INFO_FORMAT", infoFormat);
            String iName = map.version().is13() ? "I" : "X";
            String jName = map.version().is13() ? "J" : "Y";
            int i = pixel(p, iName);
            int j = pixel(p, jName);
            if (i < 0 || i >= map.width()) throw WmsErrors.invalidPoint(iName, iName + " must lie in [0, WIDTH)");
            if (j < 0 || j >= map.height()) throw WmsErrors.invalidPoint(jName, jName + " must lie in [0, HEIGHT)");
            int count = p.integer("FEATURE_COUNT", 1);
            if (count < 1) throw GeoServiceException.invalid("FEATURE_COUNT", "FEATURE_COUNT must be positive");
            for (String q : ql) {
                if (!map.layers().contains(q)) throw WmsErrors.layerNotDefined(q);
            }
            return new Request(map, ql, infoFormat, i, j, Math.min(count, settings.maxFeatureCount()));
        }

        private static int pixel(WmsParams p, String name) {
            String v = p.get(name);
            if (v == null || v.isEmpty()) throw WmsErrors.invalidPoint(name, name + " is missing");
            try {
                return (int) Math.floor(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw WmsErrors.invalidPoint(name, name + " must be a pixel column/row: " + v);
            }
        }
    }

    List<LayerHits> query(Request r, Principal principal) {
        GetMapRequest m = r.map();
        MapView view = new MapView(m.bbox(), m.width(), m.height(), m.crs().projection());
        double tol = settings.pixelTolerance();
        double unitsPerPx = 1 / view.scaleX();
        double cx = m.bbox().getMinX() + (r.i() + 0.5) * unitsPerPx;
        double cy = m.bbox().getMaxY() - (r.j() + 0.5) / view.scaleY();
        Envelope probe = new Envelope(cx, cx, cy, cy);
        probe.expandBy((tol + 0.5) * unitsPerPx, (tol + 0.5) / view.scaleY());
        Envelope lonLat = m.crs().projection().toLonLat(probe);
        Geometry click = GF.createPoint(new Coordinate(cx, cy));
        List<LayerHits> out = new ArrayList<>();
        for (String name : r.queryLayers()) {
            LayerAccess.Granted g = access.resolve(name, principal);
            FeatureType type = g.layer().type();
            int idx = m.layers().indexOf(name);
            Filter client = m.cql().isEmpty() ? Filter.INCLUDE : ClientFilters.cql(m.cql().get(idx), type, g.decision());
            FeatureQuery q = LayerQueries.query(g, lonLat, client, LayerQueries.time(type, m.time()));
            List<double[]> ranked = new ArrayList<>();
            List<Feature> hits = new ArrayList<>();
            try (FeatureCursor c = LayerQueries.masked(g.source().query(q), g)) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    if (f.geometry() == null) continue;
                    Geometry inMap = m.crs().projection().forward(f.geometry());
                    double distPx = inMap instanceof Polygonal && inMap.contains(click) ? 0 : inMap.distance(click) / unitsPerPx;
                    if (inMap instanceof Polygonal && distPx > 0.5) continue;
                    if (distPx > tol) continue;
                    ranked.add(new double[] {distPx, hits.size()});
                    hits.add(f);
                }
            }
            ranked.sort((a, b) -> Double.compare(a[0], b[0]));
            List<Feature> best = ranked.stream().limit(r.featureCount()).map(d -> hits.get((int) d[1])).toList();
            out.add(new LayerHits(type, best));
        }
        return out;
    }
}
