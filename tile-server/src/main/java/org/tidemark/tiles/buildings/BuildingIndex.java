package org.tidemark.tiles.buildings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * The explicit quadtree of the buildings tile set for one access view: the root covers the buildings'
 * extent; a node splits into four quadrants while it holds more than {@code maxPerTile} buildings and the
 * depth limit allows. Every building belongs to exactly one leaf (the one containing its footprint's
 * centroid, half-open quadrants), and only leaves carry content.
 */
final class BuildingIndex {
    /** One building's placement data. */
    record Entry(String id, double cx, double cy, Envelope envelope, double base, double top) {}

    /** A quadtree node; {@code members} is null for inner nodes. */
    static final class Node {
        final int level;
        final int x;
        final int y;
        final Envelope quadrant;
        final Envelope content = new Envelope();
        double minHeight = Double.MAX_VALUE;
        double maxHeight = -Double.MAX_VALUE;
        final List<Node> children = new ArrayList<>(4);
        Set<String> members;

        Node(int level, int x, int y, Envelope quadrant) {
            this.level = level;
            this.x = x;
            this.y = y;
            this.quadrant = quadrant;
        }

        boolean leaf() { return members != null; }

        String key() { return level + "/" + x + "/" + y; }
    }

    private final Node root;
    private final Map<String, Node> leaves = new HashMap<>();

    BuildingIndex(List<Entry> entries, int maxLevel, int maxPerTile) {
        Envelope extent = new Envelope();
        for (Entry e : entries) extent.expandToInclude(e.cx, e.cy);
        if (extent.isNull()) extent = new Envelope(0, 0, 0, 0);
        // A tiny margin keeps every centroid strictly inside the half-open root.
        extent.expandBy(Math.max(extent.getWidth(), extent.getHeight()) * 1e-6 + 1e-9);
        root = new Node(0, 0, 0, extent);
        build(root, entries, maxLevel, maxPerTile);
    }

    private void build(Node node, List<Entry> entries, int maxLevel, int maxPerTile) {
        for (Entry e : entries) {
            node.content.expandToInclude(e.envelope);
            node.minHeight = Math.min(node.minHeight, e.base);
            node.maxHeight = Math.max(node.maxHeight, e.top);
        }
        if (entries.size() <= maxPerTile || node.level >= maxLevel) {
            node.members = new java.util.HashSet<>();
            for (Entry e : entries) node.members.add(e.id);
            leaves.put(node.key(), node);
            return;
        }
        Envelope q = node.quadrant;
        double mx = (q.getMinX() + q.getMaxX()) / 2, my = (q.getMinY() + q.getMaxY()) / 2;
        List<List<Entry>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Entry e : entries) parts.get((e.cx >= mx ? 1 : 0) + (e.cy >= my ? 2 : 0)).add(e);
        for (int i = 0; i < 4; i++) {
            if (parts.get(i).isEmpty()) continue;
            int east = i & 1, north = i >> 1;
            Envelope sub = new Envelope(east == 0 ? q.getMinX() : mx, east == 0 ? mx : q.getMaxX(),
                    north == 0 ? q.getMinY() : my, north == 0 ? my : q.getMaxY());
            Node child = new Node(node.level + 1, node.x * 2 + east, node.y * 2 + north, sub);
            node.children.add(child);
            build(child, parts.get(i), maxLevel, maxPerTile);
        }
    }

    Node root() { return root; }

    Node leaf(int level, int x, int y) { return leaves.get(level + "/" + x + "/" + y); }

    int leafCount() { return leaves.size(); }
}
