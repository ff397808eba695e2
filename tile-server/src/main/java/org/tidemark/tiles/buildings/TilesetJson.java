package org.tidemark.tiles.buildings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes {@code tileset.json} (3D Tiles 1.1 §5 "Tiles", §6 "Tileset JSON"): asset version 1.1, region
 * bounding volumes in radians/metres (which ignore tile transforms, §5.4.2), geometric errors that halve
 * per level and are 0 at the leaves, REPLACE refinement, an ENU {@code transform} on every content tile.
 */
final class TilesetJson {
    private TilesetJson() {}

    static byte[] write(BuildingIndex index) {
        BuildingIndex.Node root = index.root();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asset", Map.of("version", "1.1", "generator", "Tidemark tile-server"));
        doc.put("geometricError", rootError(root) * 2);
        doc.put("root", node(root, rootError(root)));
        return GlbWriter.JSON.writeValueAsBytes(doc);
    }

    /** Half the root quadrant's diagonal, in metres: the error of showing nothing below the root. */
    static double rootError(BuildingIndex.Node root) {
        Envelope q = root.quadrant;
        double midLat = Math.toRadians((q.getMinY() + q.getMaxY()) / 2);
        double w = q.getWidth() * 111_320 * Math.cos(midLat), h = q.getHeight() * 110_574;
        return Math.max(Math.hypot(w, h) / 2, 1);
    }

    private static Map<String, Object> node(BuildingIndex.Node n, double error) {
        Map<String, Object> m = new LinkedHashMap<>();
        double minH = n.minHeight == Double.MAX_VALUE ? 0 : n.minHeight;
        double maxH = n.maxHeight == -Double.MAX_VALUE ? 0 : n.maxHeight;
        Envelope box = n.content.isNull() ? n.quadrant : n.content;
        m.put("boundingVolume", Buildings.region(box, minH - 1, maxH + 1));
        m.put("geometricError", n.leaf() ? 0.0 : error);
        m.put("refine", "REPLACE");
        if (n.leaf()) {
            LocalFrame f = new LocalFrame(box.centre().x, box.centre().y);
            List<Double> t = new ArrayList<>(16);
            for (double v : f.transform()) t.add(v);
            m.put("transform", t);
            m.put("content", Map.of("uri", "content/" + n.key() + ".glb"));
        } else {
            List<Map<String, Object>> children = new ArrayList<>();
            for (BuildingIndex.Node c : n.children) children.add(node(c, error / 2));
            m.put("children", children);
        }
        return m;
    }
}
