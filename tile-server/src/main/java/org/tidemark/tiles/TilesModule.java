package org.tidemark.tiles;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.tiles.buildings.Buildings;
import org.tidemark.tiles.buildings.BuildingsController;
import org.tidemark.tiles.cache.TileCaches;
import org.tidemark.tiles.imagery.Imagery;
import org.tidemark.tiles.imagery.ImageryController;
import org.tidemark.tiles.imagery.ImageryTiles;
import org.tidemark.tiles.wmts.WmtsController;
import org.tidemark.tiles.mvt.TilesMetadataController;
import org.tidemark.tiles.mvt.VectorTilesController;
import org.tidemark.tiles.terrain.Terrain;
import org.tidemark.tiles.terrain.TerrainController;
import org.tidemark.tiles.web.TileErrorAdvice;
import org.tidemark.tiles.web.TileFastPath;

/**
 * The tile server, imported by the app. Expects beans of {@link ElevationModel} (the DEM),
 * {@link LayerCatalog} (with {@code land}, {@code buildings} and the basemap layers), {@link AccessPolicy}
 * and {@link TilesSettings}.
 */
@Configuration(proxyBeanMethods = false)
public class TilesModule {

    @Bean
    TileCaches tileCaches(TilesSettings settings) {
        return new TileCaches(settings.cacheDir(), settings.memoryCacheBytes());
    }

    @Bean
    Terrain tidemarkTerrain(ElevationModel dem, LayerCatalog catalog, TilesSettings settings) {
        return new Terrain(dem, () -> catalog.source("land").orElse(null), settings.terrainGlobalMaxZoom(),
                settings.terrainMaxZoom());
    }

    @Bean
    Buildings tidemarkBuildings(ElevationModel dem, LayerCatalog catalog, TilesSettings settings) {
        return new Buildings(() -> catalog.source(Buildings.LAYER).orElse(null), dem, settings.buildingsMaxLevel(), 1500);
    }

    @Bean
    BuildingsController buildingsController(Buildings buildings, AccessPolicy policy, TileCaches caches,
                                            TilesSettings settings) {
        var chain = caches.register("buildings", buildings.source(), Set.of(Buildings.LAYER), null);
        return new BuildingsController(buildings, chain, policy, caches, settings.maxAge());
    }

    @Bean
    TerrainController terrainController(Terrain terrain, TileCaches caches, TilesSettings settings) {
        var chain = caches.register("terrain", terrain.source(), Set.of("land", "dem"), Terrain::tileBounds);
        return new TerrainController(terrain, chain, caches, settings.maxAge());
    }

    @Bean
    VectorTilesController vectorTilesController(LayerCatalog catalog, AccessPolicy policy, TileCaches caches,
                                                TilesSettings settings) {
        return new VectorTilesController(catalog, policy, caches, settings.vectorMaxZoom(), settings.maxAge());
    }

    @Bean
    TilesMetadataController tilesMetadataController(LayerCatalog catalog, AccessPolicy policy, TilesSettings settings) {
        return new TilesMetadataController(catalog, policy, settings.vectorMaxZoom());
    }

    @Bean
    ImageryTiles imageryTiles(LayerCatalog catalog, ElevationModel dem, AccessPolicy policy, TileCaches caches,
                              TilesSettings settings) {
        return new ImageryTiles(new Imagery(catalog, dem), policy, caches, settings.vectorMaxZoom());
    }

    @Bean
    ImageryController imageryController(ImageryTiles tiles, TilesSettings settings) {
        return new ImageryController(tiles, settings.maxAge());
    }

    @Bean
    WmtsController wmtsController(ImageryTiles tiles, TilesSettings settings) {
        return new WmtsController(tiles, settings.maxAge());
    }

    @Bean
    TileSeeding tileSeeding(Terrain terrain, TileCaches caches, TerrainController registersTheTerrainCache,
                            ImageryTiles imagery, VectorTilesController vector) {
        return new TileSeeding(terrain, caches, imagery, vector);
    }

    /**
     * Memory-cache hits without the MVC dispatcher. A servlet filter: the app mounts it on {@code /tiles/*} and
     * {@code /ogc/collections/*} after its principal and audit filters (a Boot app that does not would still run
     * it, as an unordered filter bean, after those).
     */
    @Bean
    TileFastPath tileFastPath(TerrainController terrain, ImageryTiles imagery, VectorTilesController vector,
                              TilesSettings settings) {
        return new TileFastPath(settings.maxAge(),
                (p, request) -> terrain.lookup(p.z(), p.x(), p.y(), request.getHeader("Accept")),
                (p, request) -> imagery.lookup(p.tileset(), p.tms(), p.z(), p.x(), p.y(), p.format(), request),
                (p, request) -> vector.lookup(p.tileset(), p.tms(), p.z(), p.x(), p.y(), request));
    }

    @Bean
    TileErrorAdvice tileErrorAdvice() {
        return new TileErrorAdvice();
    }
}
