package org.tidemark.tiles.imagery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.render.IconLoader;
import org.tidemark.core.render.MapProjection;
import org.tidemark.core.render.MapRenderer;
import org.tidemark.core.render.MapView;
import org.tidemark.core.render.RenderLayer;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;

/**
 * Raster tiles drawn with the shared {@link MapRenderer}: the {@code basemap} (sea background, land,
 * DEM hillshade, then water, roads and Chinese place names) and one transparent overlay per catalog
 * layer. Every layer passes the access gate: its decision's row filter, attribute mask and spatial
 * limit shape what is drawn; a basemap layer the caller may not see is simply left out.
 */
public final class Imagery {
    static final Color SEA = new Color(0xA9CCE3);
    private static final int LABEL_BUFFER_PX = 64;

    private final LayerCatalog catalog;
    private final ElevationModel dem;
    private final MapRenderer renderer = new MapRenderer(IconLoader.classpath("styles/"));
    private final StyleLibrary styles = new StyleLibrary();

    public Imagery(LayerCatalog catalog, ElevationModel dem) {
        this.catalog = catalog;
        this.dem = dem;
    }

    /** The basemap and an overlay per catalog layer. */
    List<ImageryTileset> tilesets() {
        List<ImageryTileset> out = new ArrayList<>();
        out.add(BASEMAP);
        for (Layer l : catalog.layers()) {
            if (l.name().equals(ImageryTileset.BASEMAP)) continue;
            out.add(new ImageryTileset(l.name(), l.title().zh() + " " + l.title().en(), List.of(l.name()), false));
        }
        return out;
    }

    /** One tile set of {@link #tilesets()}, found without listing the catalog (asked on every tile request). */
    Optional<ImageryTileset> tileset(String name) {
        if (name.equals(ImageryTileset.BASEMAP)) return Optional.of(BASEMAP);
        return catalog.layer(name).map(l -> new ImageryTileset(l.name(), l.title().zh() + " " + l.title().en(),
                List.of(l.name()), false));
    }

    private static final ImageryTileset BASEMAP =
            new ImageryTileset(ImageryTileset.BASEMAP, "Basemap 底图", ImageryTileset.BASEMAP_LAYERS, true);

    Optional<FeatureSource> source(String layer) { return catalog.source(layer); }

    /** The lon/lat extent of the data (for capabilities bounding boxes). */
    Envelope extent() {
        Envelope e = new Envelope(dem.extent());
        for (Layer l : catalog.layers()) catalog.source(l.name()).map(FeatureSource::extent).ifPresent(e::expandToInclude);
        return e;
    }

    /**
     * @param decisions the access decision per visible layer of the tile set (others are skipped)
     * @param format    {@code png} or {@code jpg}
     */
    byte[] render(ImageryTileset ts, TileMatrixSet set, TileMatrix m, long col, long row,
                  Map<String, AccessDecision> decisions, String format) {
        Envelope bbox = m.envelope(col, row);
        MapView view = new MapView(bbox, m.tileWidth(), m.tileHeight(),
                set.geographic() ? MapProjection.geographic() : MapProjection.webMercator());
        boolean opaque = ts.basemap() || format.equals("jpg");
        BufferedImage img = new BufferedImage(view.width(), view.height(),
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            if (opaque) {
                g.setColor(ts.basemap() ? SEA : Color.WHITE);
                g.fillRect(0, 0, view.width(), view.height());
            }
            List<RenderLayer> layers = layers(ts, view, decisions);
            if (ts.basemap() && !layers.isEmpty() && layers.get(0).name().equals("land")) {
                renderer.render(g, view, layers.subList(0, 1));
                Hillshade.apply(img, view, dem);
                layers = layers.subList(1, layers.size());
            }
            renderer.render(g, view, layers);
        } finally {
            g.dispose();
        }
        return encode(img, format);
    }

    private List<RenderLayer> layers(ImageryTileset ts, MapView view, Map<String, AccessDecision> decisions) {
        List<RenderLayer> out = new ArrayList<>();
        Envelope query = view.lonLatQueryEnvelope(LABEL_BUFFER_PX);
        for (String name : ts.layers()) {
            AccessDecision d = decisions.get(name);
            FeatureSource src = catalog.source(name).orElse(null);
            if (d == null || !d.visible() || src == null) continue;
            List<String> props = d.attributes() == null ? null
                    : src.type().attributeNames().stream().filter(d::attributeVisible).toList();
            FeatureQuery q = FeatureQuery.all(name).withFilter(d.rowFilter()).withBbox(query).withProperties(props);
            out.add(new RenderLayer(name, styles.style(name, src.type().geometryKind()), () -> src.query(q), d.spatialLimit()));
        }
        return out;
    }

    private static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (!ImageIO.write(img, format.equals("jpg") ? "jpeg" : "png", out)) throw new IOException("no writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String mediaType(String format) { return format.equals("jpg") ? "image/jpeg" : "image/png"; }
}
