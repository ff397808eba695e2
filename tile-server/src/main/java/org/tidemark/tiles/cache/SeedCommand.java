package org.tidemark.tiles.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * The arguments of {@code seed --tileset NAME --zoom MIN-MAX [--bbox W,S,E,N] [--variant V]... [--threads N]
 * [--tms ID] [--format png|jpg|mvt] [--as USER]}, parsed and checked (levels 0..24, a bbox inside lon/lat bounds, a
 * tile set name of safe characters). {@code tms} and {@code format} choose the tiles of imagery and vector tile sets
 * (default {@code WebMercatorQuad}; the format null when not given); {@code as} names the configured user whose
 * view is seeded (null: the public view).
 */
public record SeedCommand(String tileset, int minZoom, int maxZoom, Envelope bbox, List<String> variants, int threads,
                          String tms, String format, String as) {

    public static SeedCommand parse(String... args) {
        String tileset = null;
        String tms = "WebMercatorQuad";
        String format = null;
        String as = null;
        int min = 0, max = -1, threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Envelope bbox = null;
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("seed")) continue;
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + a);
            String v = args[++i];
            switch (a) {
                case "--tileset" -> {
                    if (!v.matches("[A-Za-z0-9_.-]{1,64}") || v.startsWith(".")) throw new IllegalArgumentException("bad tile set name");
                    tileset = v;
                }
                case "--zoom" -> {
                    String[] p = v.split("-");
                    min = Integer.parseInt(p[0]);
                    max = Integer.parseInt(p[p.length - 1]);
                }
                case "--bbox" -> {
                    String[] p = v.split(",");
                    if (p.length != 4) throw new IllegalArgumentException("bbox is W,S,E,N");
                    double w = Double.parseDouble(p[0]), s = Double.parseDouble(p[1]);
                    double e = Double.parseDouble(p[2]), n = Double.parseDouble(p[3]);
                    if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) throw new IllegalArgumentException("bad bbox");
                    bbox = new Envelope(w, e, s, n);
                }
                case "--variant" -> {
                    if (!v.matches("[A-Za-z0-9_-]{0,64}")) throw new IllegalArgumentException("bad variant");
                    variants.add(v);
                }
                case "--threads" -> threads = Integer.parseInt(v);
                case "--tms" -> {
                    if (!v.matches("[A-Za-z0-9_.-]{1,64}")) throw new IllegalArgumentException("bad tile matrix set");
                    tms = v;
                }
                case "--format" -> {
                    if (!v.equals("png") && !v.equals("jpg") && !v.equals("mvt")) throw new IllegalArgumentException("--format png, jpg or mvt");
                    format = v;
                }
                case "--as" -> {
                    if (!v.matches("[A-Za-z0-9_.@-]{1,64}")) throw new IllegalArgumentException("bad user name");
                    as = v;
                }
                default -> throw new IllegalArgumentException("unknown option " + a.toLowerCase(Locale.ROOT));
            }
        }
        if (tileset == null) throw new IllegalArgumentException("--tileset is required");
        if (min < 0 || max > 24 || min > max) throw new IllegalArgumentException("--zoom MIN-MAX within 0-24");
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("--threads 1..64");
        return new SeedCommand(tileset, min, max, bbox, List.copyOf(variants), threads, tms, format, as);
    }
}
