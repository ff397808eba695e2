package org.tidemark.data.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.feature.Feature;

/**
 * The Xiangshan County demo dataset: the real GSHHG coastline plus everything else generated
 * deterministically from one seed — a 1″ synthetic DEM (EPSG:4490, NaN over the sea), ≥ 20,000 buildings in
 * the towns and villages, roads, place names, reservoirs, seawalls, streams, the hydrological station
 * register, police and coastal cameras, low-lying areas, flood zones and the storm surge's hour-by-hour
 * flood progression. Same seed, same bytes: see {@link #checksum()}. Nothing here is committed as data; generation takes a few seconds.
 *
 * <p>Only the coastline is real. Elevations, buildings, infrastructure and thresholds are synthetic and
 * merely plausible; town positions are approximate. Layer metadata is in {@link DemoLayers}.
 */
public final class DemoDataset {
    /** The seed the application uses, so every installation shows the same county. */
    public static final long DEFAULT_SEED = 20_260_707L;
    /** The description written into the DEM GeoTIFF. */
    public static final String DEM_DESCRIPTION = "Tidemark Xiangshan demo DEM: SYNTHETIC elevations (seeded generator), "
            + "real GSHHG 2.3.7 coastline; metres, 1985 national height datum; not survey data";

    private final long seed;
    private final GridElevationModel elevation;
    private final Map<String, List<Feature>> features;
    private final List<Layer> layers;
    /** The working terrain (for tests of drainage and placement). */
    final Terrain terrain;

    private DemoDataset(long seed, GridElevationModel elevation, Map<String, List<Feature>> features, Terrain terrain) {
        this.seed = seed;
        this.terrain = terrain;
        this.elevation = elevation;
        this.features = features;
        this.layers = DemoLayers.all();
    }

    /** Generates the dataset with {@link #DEFAULT_SEED}. */
    public static DemoDataset generate() {
        return generate(DEFAULT_SEED, s -> { });
    }

    /** Generates the dataset; {@code progress} receives one line per step. */
    public static DemoDataset generate(long seed, Consumer<String> progress) {
        long t0 = System.nanoTime();
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4490);
        List<Feature> land = LandPolygons.load();
        List<Polygon> landPolygons = land.stream().map(f -> (Polygon) f.geometry()).toList();
        // the mainland shores across the bays belong to Ninghai and Sanmen, Liuheng island to Zhoushan
        List<Polygon> county = land.stream().filter(f -> !String.valueOf(f.get("name")).contains("岸") && !"六横岛".equals(f.get("name")))
                .map(f -> (Polygon) f.geometry()).toList();
        Terrain terrain = new Terrain(landPolygons, county, seed, gf);
        progress.accept(String.format("demo: terrain %d×%d, %d streams, %d reservoirs (%d ms)", terrain.fine.width(),
                terrain.fine.height(), terrain.streams.size(), terrain.lakes.size(), ms(t0)));
        Settlements settlements = new Settlements(terrain, seed, gf);
        progress.accept(String.format("demo: %d buildings in %d villages and %d towns (%d ms)", settlements.buildings.size(),
                settlements.villages.size(), terrain.towns.size(), ms(t0)));
        RoadNetwork network = new RoadNetwork(terrain, gf);
        WaterWorks water = new WaterWorks(terrain, landPolygons, settlements.villages, seed, gf);
        List<Feature> roads = new java.util.ArrayList<>(network.roads);
        roads.addAll(settlements.streets);
        progress.accept(String.format("demo: roads, seawalls, stations (%d ms)", ms(t0)));
        Cameras cameras = new Cameras(terrain, roads, water.seawalls, seed, gf);
        Hazards hazards = new Hazards(terrain, gf);
        PlaceNames places = new PlaceNames(terrain, settlements.villages, land, water.reservoirs, gf);
        progress.accept(String.format("demo: cameras, hazard zones, place names (%d ms)", ms(t0)));
        Map<String, List<Feature>> f = new LinkedHashMap<>();
        f.put("land", land);
        f.put("buildings", List.copyOf(settlements.buildings));
        f.put("roads", List.copyOf(roads));
        f.put("place_names", List.copyOf(places.features));
        f.put("reservoirs", List.copyOf(water.reservoirs));
        f.put("seawalls", List.copyOf(water.seawalls));
        f.put("streams", List.copyOf(water.streams));
        f.put("hydro_stations", List.copyOf(water.stations));
        f.put("police_cameras", List.copyOf(cameras.police));
        f.put("coastal_cameras", List.copyOf(cameras.coastal));
        f.put("low_lying_areas", List.copyOf(hazards.lowLying));
        f.put("flood_zones", List.copyOf(hazards.floodZones));
        f.put("flood_progression", List.copyOf(hazards.floodProgression));
        GridElevationModel dem = new GridElevationModel(terrain.dem, terrain.fine.width(), terrain.fine.height(),
                Grid.WEST, Grid.NORTH, Grid.ARC_SECOND);
        progress.accept(String.format("demo: generated %d buildings, %d features in all (%d ms)",
                f.get("buildings").size(), f.values().stream().mapToInt(List::size).sum(), ms(t0)));
        return new DemoDataset(seed, dem, f, terrain);
    }

    private static long ms(long t0) { return (System.nanoTime() - t0) / 1_000_000; }

    public long seed() { return seed; }

    /** The catalog records of all demo layers (the live {@code gauges} layer is not among them). */
    public List<Layer> layers() { return layers; }

    public Optional<Layer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The features of one layer in a stable order (empty for unknown names). */
    public List<Feature> features(String layer) {
        return features.getOrDefault(layer, List.of());
    }

    /** The 1″ DEM (row 0 north; NaN over the sea). */
    public GridElevationModel elevation() { return elevation; }

    /**
     * SHA-256 over every layer's feature ids, geometries (WKB) and attribute values, and over the DEM cells:
     * equal checksums mean identical datasets.
     */
    public String checksum() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            WKBWriter wkb = new WKBWriter(2);
            for (Map.Entry<String, List<Feature>> e : features.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                for (Feature f : e.getValue()) {
                    md.update(f.id().getBytes(StandardCharsets.UTF_8));
                    md.update(wkb.write(f.geometry()));
                    md.update(String.valueOf(f.properties()).getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteBuffer b = ByteBuffer.allocate(elevation.width() * 4);
            for (int r = 0; r < elevation.height(); r++) {
                b.clear();
                for (int c = 0; c < elevation.width(); c++) b.putFloat(elevation.cell(c, r));
                md.update(b.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
