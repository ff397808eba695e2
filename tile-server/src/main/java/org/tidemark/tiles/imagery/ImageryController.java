package org.tidemark.tiles.imagery;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.tiles.web.TileResponses;

/**
 * XYZ imagery {@code /tiles/{tileset}/{tms}/{z}/{x}/{y}.png|.jpg} — also the WMTS RESTful encoding
 * (WMTS 1.0.0 §10, ResourceURL template {@code {TileMatrix}/{TileCol}/{TileRow}}), rows from the top.
 */
@RestController
public class ImageryController {
    private final ImageryTiles tiles;
    private final Duration maxAge;

    public ImageryController(ImageryTiles tiles, Duration maxAge) {
        this.tiles = tiles;
        this.maxAge = maxAge;
    }

    @GetMapping("/tiles/{tileset}/{tms}/{z}/{x}/{y}.png")
    public ResponseEntity<byte[]> png(@PathVariable String tileset, @PathVariable String tms, @PathVariable int z,
                                      @PathVariable long x, @PathVariable long y, HttpServletRequest request) {
        return TileResponses.of(tiles.tile(tileset, tms, z, x, y, "png", request), request, maxAge, null,
                tileset + "/" + z + "/" + x + "/" + y);
    }

    @GetMapping("/tiles/{tileset}/{tms}/{z}/{x}/{y}.jpg")
    public ResponseEntity<byte[]> jpg(@PathVariable String tileset, @PathVariable String tms, @PathVariable int z,
                                      @PathVariable long x, @PathVariable long y, HttpServletRequest request) {
        return TileResponses.of(tiles.tile(tileset, tms, z, x, y, "jpg", request), request, maxAge, null,
                tileset + "/" + z + "/" + x + "/" + y);
    }
}
