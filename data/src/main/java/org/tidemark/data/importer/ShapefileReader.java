package org.tidemark.data.importer;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;

/**
 * Streams a zipped ESRI Shapefile (ESRI Shapefile Technical Description, July 1998): the {@code .shp}
 * geometry records and the {@code .dbf} (dBASE III) attribute records are read side by side straight out
 * of the zip, nothing is extracted. Point, MultiPoint, PolyLine and Polygon shapes (also their Z/M
 * variants, whose extra ordinates are dropped). Polygon rings are grouped by orientation (clockwise
 * shells, counter-clockwise holes, §"Polygon"). The attribute encoding comes from the {@code .cpg} file,
 * else the dBASE language driver byte (0x4D/0x7A: GBK), else each text value is tried as UTF-8 then GBK.
 * Coordinates are transformed from the {@code .prj} CRS to longitude/latitude by {@link PrjCrs}.
 */
final class ShapefileReader implements RecordReader {
    private static final Charset GBK = Charset.forName("GBK");

    private final ZipFile zip;
    private final InputStream shp;
    private final InputStream dbf;
    private final Charset declared;
    private final List<DbfField> fields = new ArrayList<>();
    private final int dbfRecordLength;
    private final long dbfRecords;
    private final PrjCrs crs;
    private final GeometryFactory gf = GeoJsonReader.GEOMETRIES;
    private long row;
    private SourceRecord next;
    private boolean done;

    private record DbfField(String name, char type, int length, int decimals) {}

    ShapefileReader(Path zipFile) {
        try {
            this.zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException("not a readable zip file: " + zipFile.getFileName());
        }
        try {
            ZipEntry shpEntry = single(".shp");
            String base = shpEntry.getName().substring(0, shpEntry.getName().length() - 4);
            ZipEntry dbfEntry = sibling(base, ".dbf");
            if (dbfEntry == null) throw new ImportException("the zip has " + shpEntry.getName() + " but no .dbf");
            ZipEntry prj = sibling(base, ".prj");
            ZipEntry cpg = sibling(base, ".cpg");
            this.crs = PrjCrs.of(prj == null ? null : text(prj, StandardCharsets.UTF_8));
            this.shp = new BufferedInputStream(zip.getInputStream(shpEntry), 1 << 16);
            this.dbf = new BufferedInputStream(zip.getInputStream(dbfEntry), 1 << 16);
            readShpHeader();
            ByteBuffer h = ByteBuffer.wrap(readFully(dbf, 32, "dbf header")).order(ByteOrder.LITTLE_ENDIAN);
            this.dbfRecords = Integer.toUnsignedLong(h.getInt(4));
            int headerLength = Short.toUnsignedInt(h.getShort(8));
            this.dbfRecordLength = Short.toUnsignedInt(h.getShort(10));
            int ldid = h.get(29) & 0xff;
            this.declared = cpg != null ? charset(text(cpg, StandardCharsets.US_ASCII).trim())
                    : (ldid == 0x4D || ldid == 0x7A ? GBK : null);
            byte[] descriptors = readFully(dbf, headerLength - 32, "dbf field descriptors");
            for (int off = 0; off + 32 <= descriptors.length && descriptors[off] != 0x0D; off += 32) {
                int end = off;
                while (end < off + 11 && descriptors[end] != 0) end++;
                String name = decodeLenient(java.util.Arrays.copyOfRange(descriptors, off, end)).trim();
                fields.add(new DbfField(name, (char) descriptors[off + 11], descriptors[off + 16] & 0xff, descriptors[off + 17] & 0xff));
            }
        } catch (IOException e) {
            close();
            throw new ImportException("cannot read the shapefile: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private ZipEntry single(String ext) {
        List<ZipEntry> found = zip.stream().filter(e -> !e.isDirectory()
                && e.getName().toLowerCase(Locale.ROOT).endsWith(ext) && !e.getName().contains("__MACOSX")).map(e -> (ZipEntry) e).toList();
        if (found.isEmpty()) throw new ImportException("the zip holds no " + ext + " file");
        if (found.size() > 1) throw new ImportException("the zip holds several shapefiles; import them one at a time: "
                + found.stream().map(ZipEntry::getName).toList());
        return found.get(0);
    }

    private ZipEntry sibling(String base, String ext) {
        for (String candidate : new String[] {base + ext, base + ext.toUpperCase(Locale.ROOT)}) {
            ZipEntry e = zip.getEntry(candidate);
            if (e != null) return e;
        }
        return null;
    }

    private String text(ZipEntry e, Charset cs) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readNBytes(1 << 16), cs);
        }
    }

    static Charset charset(String cpg) {
        String c = cpg.toUpperCase(Locale.ROOT);
        return switch (c) {
            case "936", "CP936", "GBK", "GB2312", "GB18030", "CP_936" -> GBK;
            case "65001", "UTF-8", "UTF8", "" -> StandardCharsets.UTF_8;
            default -> {
                try {
                    yield Charset.forName(c);
                } catch (RuntimeException e) {
                    throw new ImportException("unknown encoding in .cpg: " + cpg);
                }
            }
        };
    }

    private void readShpHeader() throws IOException {
        ByteBuffer h = ByteBuffer.wrap(readFully(shp, 100, ".shp header"));
        if (h.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) throw new ImportException("not a shapefile (.shp file code is not 9994)");
    }

    private static byte[] readFully(InputStream in, int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("truncated " + what);
        return b;
    }

    @Override
    public List<Attribute> declaredAttributes() {
        List<Attribute> out = new ArrayList<>();
        for (DbfField f : fields) out.add(Attribute.of(f.name(), type(f), f.name(), f.name()));
        return out;
    }

    private static AttributeType type(DbfField f) {
        return switch (f.type()) {
            case 'N' -> f.decimals() > 0 ? AttributeType.DOUBLE : f.length() <= 9 ? AttributeType.INTEGER : AttributeType.LONG;
            case 'F', 'O' -> AttributeType.DOUBLE;
            case 'L' -> AttributeType.BOOLEAN;
            case 'D' -> AttributeType.DATE;
            default -> AttributeType.STRING;
        };
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            while (true) {
                byte[] recHeader = shp.readNBytes(8);
                if (recHeader.length == 0) {
                    done = true;
                    if (row < dbfRecords) throw new ImportException("the .shp has " + row + " records but the .dbf has " + dbfRecords);
                    return false;
                }
                row++;
                if (recHeader.length < 8) throw new ImportException("row " + row + ": truncated .shp record header");
                int words = ByteBuffer.wrap(recHeader).order(ByteOrder.BIG_ENDIAN).getInt(4);
                if (words < 2 || words > (1 << 28)) throw new ImportException("row " + row + ": corrupt .shp record length");
                byte[] content = shp.readNBytes(words * 2);
                if (content.length < words * 2) throw new ImportException("row " + row + ": truncated .shp record (file cut short?)");
                if (row > dbfRecords) throw new ImportException("the .shp has more records than the .dbf (" + dbfRecords + ")");
                byte[] attrs = dbf.readNBytes(dbfRecordLength);
                if (attrs.length < dbfRecordLength) throw new ImportException("row " + row + ": truncated .dbf record");
                if (attrs[0] == '*') continue; // deleted record
                next = record(content, attrs);
                return true;
            }
        } catch (IOException e) {
            done = true;
            throw new ImportException("cannot read the shapefile at row " + row + ": " + e.getMessage(), e);
        }
    }

    private SourceRecord record(byte[] content, byte[] attrs) {
        Map<String, Object> props = new LinkedHashMap<>();
        int off = 1;
        for (DbfField f : fields) {
            byte[] raw = java.util.Arrays.copyOfRange(attrs, off, off + f.length());
            off += f.length();
            try {
                props.put(f.name(), value(f, raw));
            } catch (CharacterCodingException e) {
                return new SourceRecord(row, null, null, props, "field " + f.name() + " is not valid "
                        + declared.name() + " text (wrong .cpg or broken encoding)");
            } catch (NumberFormatException | DateTimeParseException e) {
                return new SourceRecord(row, null, null, props, "field " + f.name() + " has an unreadable value");
            }
        }
        try {
            Geometry g = geometry(ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN));
            if (g == null) return new SourceRecord(row, null, null, props, "null shape");
            return new SourceRecord(row, null, crs.toLonLat(g), props, null);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return new SourceRecord(row, null, null, props, "bad shape: " + (e.getMessage() == null ? "record too short" : e.getMessage()));
        }
    }

    private Object value(DbfField f, byte[] raw) throws CharacterCodingException {
        if (f.type() == 'C') {
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == 0)) end--;
            if (end == 0) return null;
            byte[] b = java.util.Arrays.copyOf(raw, end);
            return declared != null ? strict(declared, b) : decodeLenient(b);
        }
        String s = new String(raw, StandardCharsets.US_ASCII).trim();
        if (s.isEmpty() || s.startsWith("*")) return null;
        return switch (type(f)) {
            case INTEGER -> Integer.parseInt(s);
            case LONG -> Long.parseLong(s);
            case DOUBLE -> Double.parseDouble(s);
            case BOOLEAN -> "YyTt".indexOf(s.charAt(0)) >= 0 ? Boolean.TRUE : "NnFf".indexOf(s.charAt(0)) >= 0 ? Boolean.FALSE : null;
            case DATE -> LocalDate.parse(s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6, 8));
            default -> s;
        };
    }

    private static String strict(Charset cs, byte[] b) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b)).toString();
    }

    private String decodeLenient(byte[] b) {
        if (declared != null) return new String(b, declared);
        try {
            return strict(StandardCharsets.UTF_8, b);
        } catch (CharacterCodingException e) {
            return new String(b, GBK);
        }
    }

    private Geometry geometry(ByteBuffer b) {
        int type = b.getInt();
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21:
                return gf.createPoint(new Coordinate(b.getDouble(), b.getDouble()));
            case 8, 18, 28: {
                b.position(b.position() + 32);
                int n = b.getInt();
                Point[] pts = new Point[n];
                for (int i = 0; i < n; i++) pts[i] = gf.createPoint(new Coordinate(b.getDouble(), b.getDouble()));
                return gf.createMultiPoint(pts);
            }
            case 3, 13, 23, 5, 15, 25: {
                b.position(b.position() + 32);
                int parts = b.getInt();
                int points = b.getInt();
                if (parts <= 0 || points <= 0 || parts > points) throw new IllegalArgumentException("part/point counts " + parts + "/" + points);
                int[] starts = new int[parts + 1];
                for (int i = 0; i < parts; i++) starts[i] = b.getInt();
                starts[parts] = points;
                Coordinate[] all = new Coordinate[points];
                for (int i = 0; i < points; i++) all[i] = new Coordinate(b.getDouble(), b.getDouble());
                List<Coordinate[]> rings = new ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    if (starts[i] < 0 || starts[i] >= starts[i + 1] || starts[i + 1] > points) throw new IllegalArgumentException("bad part index");
                    rings.add(java.util.Arrays.copyOfRange(all, starts[i], starts[i + 1]));
                }
                return type % 10 == 3 ? lines(rings) : polygons(rings);
            }
            default:
                throw new IllegalArgumentException("unsupported shape type " + type);
        }
    }

    private Geometry lines(List<Coordinate[]> parts) {
        LineString[] ls = new LineString[parts.size()];
        for (int i = 0; i < ls.length; i++) {
            if (parts.get(i).length < 2) throw new IllegalArgumentException("line part with fewer than 2 points");
            ls[i] = gf.createLineString(parts.get(i));
        }
        return ls.length == 1 ? ls[0] : gf.createMultiLineString(ls);
    }

    private Geometry polygons(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] r : rings) {
            if (r.length < 4 || !r[0].equals2D(r[r.length - 1])) throw new IllegalArgumentException("ring is not closed or has fewer than 4 points");
            LinearRing ring = gf.createLinearRing(r);
            (Orientation.isCCW(r) ? holes : shells).add(ring);
        }
        if (shells.isEmpty()) { // writers that ignore the orientation rule
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<Polygon> shellPolys = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            shellPolys.add(gf.createPolygon(s));
        }
        for (LinearRing h : holes) {
            int best = -1;
            for (int i = 0; i < shellPolys.size(); i++) {
                if (shellPolys.get(i).getEnvelopeInternal().covers(h.getEnvelopeInternal())
                        && shellPolys.get(i).covers(gf.createPoint(h.getCoordinateN(0)))
                        && (best < 0 || shellPolys.get(i).getArea() < shellPolys.get(best).getArea())) best = i;
            }
            if (best < 0) throw new IllegalArgumentException("hole outside every shell");
            holesOf.get(best).add(h);
        }
        Polygon[] ps = new Polygon[shells.size()];
        for (int i = 0; i < ps.length; i++) ps[i] = gf.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        return ps.length == 1 ? ps[0] : gf.createMultiPolygon(ps);
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        SourceRecord r = next;
        next = null;
        return r;
    }

    @Override
    public void close() {
        try {
            if (shp != null) shp.close();
            if (dbf != null) dbf.close();
            zip.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
