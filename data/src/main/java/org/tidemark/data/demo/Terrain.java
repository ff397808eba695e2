package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The synthetic terrain behind the demo: a seeded height field shaped by the real coastline, made to drain.
 *
 * <ol>
 *   <li>On a 10″ working grid: coastal plains (0.8–4.7 m) within a noise-varied 1–5 km of the sea, rising to
 *       ridged hills scaled to a highest summit of about 800 m; towns sit on flattened plains.</li>
 *   <li>Priority-flood (Barnes et al. 2014) from the sea and the box edges gives every cell a downhill receiver,
 *       filling pits; flow accumulation then carves valleys in proportion to the log of the upstream area,
 *       and heights are made strictly decreasing along every flow path again: all land drains to the coast.</li>
 *   <li>Streams are the cells draining more than about 2 km², traced to the sea, with Strahler orders.</li>
 *   <li>Reservoirs: valley cells in the hills where a dam 9–24 m high impounds a basin that does not spill
 *       sideways; the basin is flattened to the normal pool level.</li>
 *   <li>The 1″ DEM interpolates the working grid, adds small-scale relief on slopes, NaN over the sea.</li>
 * </ol>
 * Elevations are synthetic: only the coastline is real.
 */
final class Terrain {
    static final int FACTOR = 10;
    static final double EPS = 0.01;
    static final int STREAM_CELLS = 30;
    static final double CHANNEL_HEAD_DEPTH = 1.5;
    static final double MAX_SUMMIT = 797;

    final Grid fine;
    final Grid coarse;
    final boolean[] land;
    final boolean[] cLand;
    final double[] z;
    final int[] receiver;
    final int[] acc;
    final int[] strahler;
    final float[] dem;
    final boolean[] reservoirMask;
    final List<StreamLine> streams = new ArrayList<>();
    final List<Lake> lakes = new ArrayList<>();
    final List<Town> towns;
    private final int[] popOrder;
    private final Noise noise;

    /** A traced stream: coarse cells from source to the sea or to the stream it joins. */
    record StreamLine(int[] cells, int order, boolean reachesSea) {}

    /** An impounded basin: dam cell, normal pool level, basin cells and outline. */
    record Lake(int dam, double level, double meanBed, int[] cells, Polygon outline) {}

    /**
     * @param landPolygons all land in the box
     * @param countyLand   the part that belongs to Xiangshan County (reservoirs are sited there only)
     */
    Terrain(List<Polygon> landPolygons, List<Polygon> countyLand, long seed, GeometryFactory gf) {

        this.noise = new Noise(seed * 31 + 7);
        this.fine = Grid.dem();
        this.coarse = fine.coarser(FACTOR);
        this.land = LandMask.rasterize(landPolygons, fine);
        this.towns = placeTowns();
        int n = coarse.size();
        cLand = new boolean[n];
        z = new double[n];
        receiver = new int[n];
        acc = new int[n];
        strahler = new int[n];
        popOrder = new int[n];
        coarseLand();
        double[] dist = distanceToSea();
        heights(dist);
        blur();
        blur();
        int pops = priorityFlood();
        steepestDescent();
        accumulate(pops);
        carve(pops);
        streams(pops);
        lakes.addAll(new ReservoirSiting(this, gf).site(dist, LandMask.rasterize(countyLand, coarse),
                new SplittableRandom(seed ^ 0x5EED_1AL)));
        reservoirMask = new boolean[fine.size()];
        dem = new float[fine.size()];
        fineDem();
    }

    /** Moves a town centre that the coastline puts in the sea onto the nearest land cell. */
    private List<Town> placeTowns() {
        List<Town> out = new ArrayList<>();
        for (Town t : Town.XIANGSHAN) {
            int c0 = fine.col(t.lon());
            int r0 = fine.row(t.lat());
            Town placed = null;
            for (int rad = 0; rad < 150 && placed == null; rad++) {
                for (int dr = -rad; dr <= rad && placed == null; dr++) {
                    for (int dc = -rad; dc <= rad && placed == null; dc++) {
                        if (Math.max(Math.abs(dr), Math.abs(dc)) != rad) continue;
                        int c = c0 + dc;
                        int r = r0 + dr;
                        if (fine.contains(c, r) && landAround(c, r, 6)) placed = t.moved(fine.lon(c), fine.lat(r));
                    }
                }
            }
            out.add(placed != null ? placed : t);
        }
        return List.copyOf(out);
    }

    private boolean landAround(int c, int r, int k) {
        for (int dr = -k; dr <= k; dr += k) {
            for (int dc = -k; dc <= k; dc += k) {
                if (!fine.contains(c + dc, r + dr) || !land[fine.index(c + dc, r + dr)]) return false;
            }
        }
        return true;
    }

    private void coarseLand() {
        int[] count = new int[coarse.size()];
        for (int r = 0; r < coarse.height() * FACTOR; r++) {
            for (int c = 0; c < coarse.width() * FACTOR; c++) {
                if (land[fine.index(c, r)]) count[coarse.index(c / FACTOR, r / FACTOR)]++;
            }
        }
        for (int i = 0; i < count.length; i++) cLand[i] = count[i] * 2 >= FACTOR * FACTOR;
    }

    /** Chamfer distance (km) from each coarse land cell to the nearest sea cell. */
    private double[] distanceToSea() {
        double wx = coarse.resolution() * Grid.metresPerDegLon() / 1000;
        double wy = coarse.resolution() * Grid.METRES_PER_DEG_LAT / 1000;
        double wd = Math.sqrt(wx * wx + wy * wy);
        int w = coarse.width();
        int h = coarse.height();
        double[] d = new double[coarse.size()];
        for (int i = 0; i < d.length; i++) d[i] = cLand[i] ? 1e9 : 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (d[i] == 0) continue;
                if (c > 0) d[i] = Math.min(d[i], d[i - 1] + wx);
                if (r > 0) {
                    d[i] = Math.min(d[i], d[i - w] + wy);
                    if (c > 0) d[i] = Math.min(d[i], d[i - w - 1] + wd);
                    if (c < w - 1) d[i] = Math.min(d[i], d[i - w + 1] + wd);
                }
            }
        }
        for (int r = h - 1; r >= 0; r--) {
            for (int c = w - 1; c >= 0; c--) {
                int i = r * w + c;
                if (d[i] == 0) continue;
                if (c < w - 1) d[i] = Math.min(d[i], d[i + 1] + wx);
                if (r < h - 1) {
                    d[i] = Math.min(d[i], d[i + w] + wy);
                    if (c < w - 1) d[i] = Math.min(d[i], d[i + w + 1] + wd);
                    if (c > 0) d[i] = Math.min(d[i], d[i + w - 1] + wd);
                }
            }
        }
        return d;
    }

    static double xKm(double lon) { return (lon - Grid.WEST) * Grid.metresPerDegLon() / 1000; }

    static double yKm(double lat) { return (lat - Grid.SOUTH) * Grid.METRES_PER_DEG_LAT / 1000; }

    /** Plain height near the coast (0.8–4.7 m). */
    private double plain(double x, double y, double d) {
        return 0.8 + 3.4 * Noise.smoothstep(0, 2.0, d) + 0.5 * noise.value(x / 1.3, y / 1.3);
    }

    /**
     * Cost distance from the sea over a noisy cost surface (Dijkstra). Heights that grow with it have a
     * strictly descending path to the coast from every cell (the shortest-path tree), and cheap corridors
     * of the cost surface become dendritic valleys.
     */
    private double[] noisyDistance() {
        int w = coarse.width();
        double wx = coarse.resolution() * Grid.metresPerDegLon() / 1000;
        double wy = coarse.resolution() * Grid.METRES_PER_DEG_LAT / 1000;
        double[] cost = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            double x = xKm(coarse.lon(i % w));
            double y = yKm(coarse.lat(i / w));
            double n = noise.fbm(x / 3.2 + 7, y / 3.2 - 5, 5);
            cost[i] = 0.25 + 2.2 * n * n * n;
        }
        double[] d = new double[z.length];
        java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
        CellHeap heap = new CellHeap();
        for (int i = 0; i < z.length; i++) {
            if (!cLand[i]) {
                d[i] = 0;
                heap.push(0, i);
            }
        }
        while (!heap.isEmpty()) {
            double dc = heap.topKey();
            int c = heap.pop();
            if (dc > d[c]) continue;
            int cx = c % w;
            int cy = c / w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx | dy) == 0 || !coarse.contains(cx + dx, cy + dy)) continue;
                    int nb = c + dy * w + dx;
                    if (!cLand[nb]) continue;
                    double step = Math.sqrt(dx * dx * wx * wx + dy * dy * wy * wy) * 0.5 * (cost[c] + cost[nb]);
                    if (d[c] + step < d[nb]) {
                        d[nb] = d[c] + step;
                        heap.push(d[nb], nb);
                    }
                }
            }
        }
        return d;
    }

    private void heights(double[] dist) {
        double[] along = noisyDistance();
        double[][] outlets = new double[towns.size()][];
        for (int k = 0; k < towns.size(); k++) outlets[k] = nearestSea(towns.get(k));
        double[] mountain = new double[z.length];
        double max = 0;
        for (int r = 0; r < coarse.height(); r++) {
            for (int c = 0; c < coarse.width(); c++) {
                int i = coarse.index(c, r);
                if (!cLand[i]) continue;
                double lon = coarse.lon(c);
                double lat = coarse.lat(r);
                double x = xKm(lon);
                double y = yKm(lat);
                double reach = 0.6 + 2.4 * noise.fbm(x / 14 + 40, y / 14 + 40, 2);
                double rise = 1 - StrictMath.exp(-Math.max(0, along[i] - reach * 0.3) / 5.5);
                double amplitude = 0.55 + 0.45 * noise.ridged(x / 9 + 11, y / 9 - 3, 3);
                double townFlat = 0;
                for (int k = 0; k < towns.size(); k++) {
                    Town t = towns.get(k);
                    double dk = capsuleKm(t, outlets[k], lon, lat);
                    townFlat = Math.max(townFlat, 1 - Noise.smoothstep(t.radiusKm() * 1.4, t.radiusKm() * 2.6 + 0.6, dk));
                }
                double plainEdge = Noise.smoothstep(0.1, reach, dist[i]);
                // kilometre-scale relief: breaks smooth slopes into spurs and hollows so flow converges
                double relief = 0.8 + 0.4 * noise.fbm(x / 1.6 + 3, y / 1.6 + 9, 3);
                mountain[i] = rise * amplitude * relief * plainEdge * (1 - townFlat);
                max = Math.max(max, mountain[i]);
                z[i] = plain(x, y, dist[i]);
            }
        }
        for (int i = 0; i < z.length; i++) {
            z[i] = cLand[i] ? z[i] + mountain[i] * (MAX_SUMMIT / max) : -1;
        }
    }

    /** The nearest sea cell centre (lon, lat) of the working grid. */
    private double[] nearestSea(Town t) {
        double best = Double.MAX_VALUE;
        double[] at = {t.lon(), t.lat()};
        for (int i = 0; i < cLand.length; i++) {
            if (cLand[i]) continue;
            double lon = coarse.lon(i % coarse.width());
            double lat = coarse.lat(i / coarse.width());
            double d = t.distanceKm(lon, lat);
            if (d < best) {
                best = d;
                at = new double[] {lon, lat};
            }
        }
        return at;
    }

    /**
     * Distance (km) from a point to the corridor between a town centre and its nearest sea: towns sit on a
     * plain that opens to the coast, so they drain instead of lying in a filled bowl.
     */
    private static double capsuleKm(Town t, double[] sea, double lon, double lat) {
        double ax = 0;
        double ay = 0;
        double bx = (sea[0] - t.lon()) * Grid.metresPerDegLon() / 1000;
        double by = (sea[1] - t.lat()) * Grid.METRES_PER_DEG_LAT / 1000;
        double px = (lon - t.lon()) * Grid.metresPerDegLon() / 1000;
        double py = (lat - t.lat()) * Grid.METRES_PER_DEG_LAT / 1000;
        double len2 = bx * bx + by * by;
        double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * bx + (py - ay) * by) / len2));
        double dx = px - f * bx;
        double dy = py - f * by;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** A 3×3 mean over land cells: removes the small closed hollows ridged noise makes. */
    private void blur() {
        int w = coarse.width();
        double[] out = z.clone();
        for (int r = 1; r < coarse.height() - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                if (!cLand[i]) continue;
                double sum = 0;
                int n = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int j = i + dr * w + dc;
                        if (cLand[j]) {
                            sum += z[j];
                            n++;
                        }
                    }
                }
                out[i] = sum / n;
            }
        }
        System.arraycopy(out, 0, z, 0, z.length);
    }

    /** Priority-flood from the sea and box edges; returns how many cells were ordered. */
    private int priorityFlood() {
        boolean[] done = new boolean[z.length];
        CellHeap heap = new CellHeap();
        int w = coarse.width();
        int h = coarse.height();
        java.util.Arrays.fill(receiver, -1);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                boolean edge = r == 0 || c == 0 || r == h - 1 || c == w - 1;
                if (!cLand[i] || edge) {
                    done[i] = true;
                    heap.push(z[i], i);
                }
            }
        }
        int k = 0;
        while (!heap.isEmpty()) {
            int cell = heap.pop();
            popOrder[k++] = cell;
            int c = cell % w;
            int r = cell / w;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    if ((dr | dc) == 0 || !coarse.contains(c + dc, r + dr)) continue;
                    int nb = cell + dr * w + dc;
                    if (done[nb]) continue;
                    done[nb] = true;
                    z[nb] = Math.max(z[nb], z[cell] + EPS * (1 + noise.lattice(nb, 99)));
                    receiver[nb] = cell;
                    heap.push(z[nb], nb);
                }
            }
        }
        return k;
    }

    /**
     * Re-points every land cell's receiver to its steepest downhill neighbour on the filled surface (the flood
     * parent is always lower, so one exists); D8 flow then converges in valleys instead of running in the
     * parallel lines the flood order leaves on smooth slopes.
     */
    private void steepestDescent() {
        int w = coarse.width();
        double wx = coarse.resolution() * Grid.metresPerDegLon();
        double wy = coarse.resolution() * Grid.METRES_PER_DEG_LAT;
        for (int i = 0; i < z.length; i++) {
            if (!cLand[i] || receiver[i] < 0) continue;
            int cx = i % w;
            int cy = i / w;
            double best = (z[i] - z[receiver[i]]) / dist(receiver[i] % w - cx, receiver[i] / w - cy, wx, wy);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx | dy) == 0 || !coarse.contains(cx + dx, cy + dy)) continue;
                    int nb = i + dy * w + dx;
                    double slope = (z[i] - z[nb]) / dist(dx, dy, wx, wy);
                    if (slope > best) {
                        best = slope;
                        receiver[i] = nb;
                    }
                }
            }
        }
    }

    private static double dist(int dx, int dy, double wx, double wy) {
        return Math.sqrt(dx * dx * wx * wx + dy * dy * wy * wy);
    }

    private void accumulate(int pops) {
        for (int i = 0; i < acc.length; i++) acc[i] = cLand[i] ? 1 : 0;
        for (int k = pops - 1; k >= 0; k--) {
            int c = popOrder[k];
            if (cLand[c] && receiver[c] >= 0) acc[receiver[c]] += acc[c];
        }
    }

    private void carve(int pops) {
        double[] depth = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (!cLand[i] || acc[i] < 2) continue;
            depth[i] = Math.min(0.45 * Math.max(0, z[i] - 5), 11 * StrictMath.log(acc[i]));
        }
        // widen the carved channels a little so valleys are not one cell wide
        int w = coarse.width();
        for (int i = 0; i < z.length; i++) {
            if (!cLand[i]) continue;
            double d = depth[i];
            int c = i % w;
            int r = i / w;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    if ((dr | dc) != 0 && coarse.contains(c + dc, r + dr)) d = Math.max(d, 0.5 * depth[i + dr * w + dc]);
                }
            }
            z[i] -= d;
        }
        for (int k = 0; k < pops; k++) {
            int c = popOrder[k];
            if (cLand[c] && receiver[c] >= 0) z[c] = Math.max(z[c], z[receiver[c]] + EPS);
        }
    }

    /**
     * Channels start only where enough area drains into a convergent cell (lower than the mean of its
     * neighbours by {@link #CHANNEL_HEAD_DEPTH}): long smooth slopes, where D8 paths run side by side, start no
     * stream; once started a channel continues down to the sea.
     */
    private boolean[] channels(int pops) {
        boolean[] stream = new boolean[z.length];
        int w = coarse.width();
        for (int k = pops - 1; k >= 0; k--) {
            int c = popOrder[k];
            if (!cLand[c]) continue;
            if (!stream[c] && acc[c] >= STREAM_CELLS) {
                double sum = 0;
                int n = 0;
                int cx = c % w;
                int cy = c / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx | dy) == 0 || !coarse.contains(cx + dx, cy + dy)) continue;
                        int nb = c + dy * w + dx;
                        if (cLand[nb]) {
                            sum += z[nb];
                            n++;
                        }
                    }
                }
                stream[c] = n > 0 && sum / n - z[c] > CHANNEL_HEAD_DEPTH;
            }
            if (stream[c] && receiver[c] >= 0) stream[receiver[c]] = true;
        }
        return stream;
    }

    private void streams(int pops) {
        int[] maxChild = new int[z.length];
        int[] countMax = new int[z.length];
        boolean[] channel = channels(pops);
        for (int k = pops - 1; k >= 0; k--) {
            int c = popOrder[k];
            if (!cLand[c] || !channel[c]) continue;
            strahler[c] = countMax[c] >= 2 ? maxChild[c] + 1 : Math.max(1, maxChild[c]);
            int r = receiver[c];
            if (r >= 0) {
                if (strahler[c] > maxChild[r]) {
                    maxChild[r] = strahler[c];
                    countMax[r] = 1;
                } else if (strahler[c] == maxChild[r]) {
                    countMax[r]++;
                }
            }
        }
        List<Integer> heads = new ArrayList<>();
        int[] pathLength = new int[z.length];
        for (int k = 0; k < pops; k++) {
            int c = popOrder[k];
            if (cLand[c] && receiver[c] >= 0) pathLength[c] = pathLength[receiver[c]] + 1;
        }
        for (int i = 0; i < z.length; i++) if (strahler[i] > 0 && maxChild[i] == 0) heads.add(i);
        heads.sort(Comparator.<Integer>comparingInt(i -> -pathLength[i]).thenComparingInt(i -> i));
        boolean[] visited = new boolean[z.length];
        for (int head : heads) {
            List<Integer> cells = new ArrayList<>();
            cells.add(head);
            visited[head] = true;
            int c = head;
            boolean sea = false;
            int lastLand = head;
            while (true) {
                int r = receiver[c];
                if (r < 0) break;
                cells.add(r);
                if (!cLand[r]) {
                    sea = true;
                    break;
                }
                if (visited[r]) break;
                visited[r] = true;
                lastLand = r;
                c = r;
            }
            if (cells.size() >= 3) {
                streams.add(new StreamLine(cells.stream().mapToInt(Integer::intValue).toArray(), strahler[lastLand], sea));
            }
        }
    }

    void forNeighbours(int cell, java.util.function.IntConsumer f) {
        int w = coarse.width();
        int c = cell % w;
        int r = cell / w;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                if ((dr | dc) != 0 && coarse.contains(c + dc, r + dr)) f.accept(cell + dr * w + dc);
            }
        }
    }

    private void fineDem() {
        int cw = coarse.width();
        int chh = coarse.height();
        for (Lake l : lakes) {
            boolean[] m = LandMask.rasterize(List.of(l.outline()), fine);
            for (int i = 0; i < m.length; i++) {
                if (m[i] && land[i]) {
                    reservoirMask[i] = true;
                    dem[i] = (float) l.level();
                }
            }
        }
        // Catmull-Rom weights for the FACTOR sub-cell positions along x
        double[] wx = new double[4 * FACTOR];
        for (int p = 0; p < FACTOR; p++) {
            double f = (p + 0.5) / FACTOR - 0.5;
            double t = f - Math.floor(f);
            System.arraycopy(catmullRom(t), 0, wx, 4 * (int) Math.round(t * FACTOR - 0.5), 4);
        }
        double mx = Grid.metresPerDegLon() / 1000 * fine.resolution();
        double my = Grid.METRES_PER_DEG_LAT / 1000 * fine.resolution();
        // interpolate every coarse row along x once, then combine four such rows per fine row
        double[] rowsX = new double[chh * fine.width()];
        for (int yy = 0; yy < chh; yy++) {
            for (int c = 0; c < fine.width(); c++) {
                double fx = (c + 0.5) / FACTOR - 0.5;
                int x0 = (int) Math.floor(fx);
                int p = 4 * (int) Math.round((fx - x0) * FACTOR - 0.5);
                double v = 0;
                for (int k = -1; k <= 2; k++) v += z[yy * cw + Math.max(0, Math.min(cw - 1, x0 + k))] * wx[p + k + 1];
                rowsX[yy * fine.width() + c] = v;
            }
        }
        for (int r = 0; r < fine.height(); r++) {
            double fy = (r + 0.5) / FACTOR - 0.5;
            int y0 = (int) Math.floor(fy);
            double[] wy = catmullRom(fy - y0);
            int[] ys = new int[4];
            for (int j = 0; j < 4; j++) ys[j] = Math.max(0, Math.min(chh - 1, y0 + j - 1)) * fine.width();
            double yk = (fine.height() - r - 0.5) * my;
            for (int c = 0; c < fine.width(); c++) {
                int i = fine.index(c, r);
                if (!land[i]) {
                    dem[i] = Float.NaN;
                    continue;
                }
                if (reservoirMask[i]) continue;
                double h = rowsX[ys[0] + c] * wy[0] + rowsX[ys[1] + c] * wy[1] + rowsX[ys[2] + c] * wy[2] + rowsX[ys[3] + c] * wy[3];
                if (h > 6) {
                    double xk = (c + 0.5) * mx;
                    h += (noise.fbm(xk / 0.35, yk / 0.35, 3) - 0.5) * Math.min(28, 0.09 * (h - 6));
                }
                h = Math.max(h, 0.3);
                dem[i] = (float) (Math.round(h * 100) / 100.0);
            }
        }
    }

    private static double[] catmullRom(double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return new double[] {
            -0.5 * t3 + t2 - 0.5 * t,
            1.5 * t3 - 2.5 * t2 + 1,
            -1.5 * t3 + 2 * t2 + 0.5 * t,
            0.5 * t3 - 0.5 * t2};
    }

    /** The fine DEM value at a point (NaN over the sea or outside). */
    double height(double lon, double lat) {
        int c = fine.col(lon);
        int r = fine.row(lat);
        return fine.contains(c, r) ? dem[fine.index(c, r)] : Double.NaN;
    }

    boolean isLand(double lon, double lat) {
        int c = fine.col(lon);
        int r = fine.row(lat);
        return fine.contains(c, r) && land[fine.index(c, r)];
    }

    boolean inReservoir(double lon, double lat) {
        int c = fine.col(lon);
        int r = fine.row(lat);
        return fine.contains(c, r) && reservoirMask[fine.index(c, r)];
    }
}
