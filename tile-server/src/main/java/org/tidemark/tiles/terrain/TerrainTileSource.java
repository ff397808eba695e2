package org.tidemark.tiles.terrain;

import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;
import org.tidemark.tiles.web.ContentHash;
import org.tidemark.tiles.web.Gzip;

/**
 * Generates gzip-compressed quantized-mesh-1.0 tiles on demand (TMS rows, south up). The variant is the
 * canonical extension key from {@link TerrainExtensions#key()}.
 */
public final class TerrainTileSource implements TileSource {
    public static final String MEDIA_TYPE = "application/vnd.quantized-mesh";

    private final TerrainMeshBuilder builder;
    private final WaterMaskRenderer waterMask;
    private final TerrainAvailability availability;

    TerrainTileSource(ElevationModel dem, WaterMaskRenderer waterMask, TerrainAvailability availability) {
        this.builder = new TerrainMeshBuilder(dem);
        this.waterMask = waterMask;
        this.availability = availability;
    }

    @Override
    public TileResult tile(TileCoord c, String variant) {
        if (!availability.contains(c.z(), c.x(), c.y())) return TileResult.NOT_FOUND;
        byte[] raw = encode(c, TerrainExtensions.fromKey(variant));
        byte[] gz = Gzip.compress(raw);
        String type = variant.isEmpty() ? MEDIA_TYPE : MEDIA_TYPE + ";extensions=" + variant;
        return new TileResult.Found(gz, type, true, ContentHash.of(gz));
    }

    /** The uncompressed tile. */
    byte[] encode(TileCoord c, TerrainExtensions ext) {
        TerrainMesh mesh = builder.build(c.z(), c.x(), c.y(), ext.normals());
        byte[] mask = ext.waterMask() && waterMask.available()
                ? waterMask.render(GeographicTiling.envelope(c.z(), c.x(), c.y())) : null;
        return QuantizedMeshWriter.write(mesh, ext.normals(), mask);
    }
}
