package org.tidemark.tiles.terrain;

/**
 * A simplified terrain mesh ready for encoding: vertices numbered in the order triangles first use them
 * (what high-water-mark index coding requires), quantized u/v (0 = west/south, 32767 = east/north),
 * exact heights in metres, and counter-clockwise triangles in u/v space.
 *
 * @param u         quantized horizontal positions
 * @param v         quantized vertical positions
 * @param heights   heights in metres at the vertices
 * @param lon       vertex longitudes (degrees)
 * @param lat       vertex latitudes (degrees)
 * @param indices   three vertex indices per triangle
 * @param normals   unit normals in ECEF, three per vertex, or null
 */
record TerrainMesh(int[] u, int[] v, float[] heights, double[] lon, double[] lat, int[] indices,
                   float[] normals) {
    int vertexCount() { return u.length; }

    int triangleCount() { return indices.length / 3; }
}
