package org.tidemark.data.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Streams a delimited text file (RFC 4180 quoting; comma, semicolon or tab) whose geometry is either a pair
 * of longitude/latitude columns ({@code lon}/{@code lat}, {@code x}/{@code y}, {@code 经度}/{@code 纬度}) or a
 * WKT column ({@code wkt}, {@code geom}, {@code geometry}). The encoding is UTF-8 (with or without BOM) or
 * GBK: when not given, the first megabyte decides; bytes that do not decode later fail the import with the
 * row number instead of turning into replacement characters.
 */
final class CsvReader implements RecordReader {
    private static final Set<String> WKT_NAMES = Set.of("wkt", "geom", "geometry", "the_geom", "shape");
    private static final Set<String> LON_NAMES = Set.of("lon", "lng", "long", "longitude", "x", "经度");
    private static final Set<String> LAT_NAMES = Set.of("lat", "latitude", "y", "纬度");
    private static final Set<String> ID_NAMES = Set.of("id", "fid");
    private static final Charset GBK = Charset.forName("GBK");

    private final BufferedReader reader;
    private final char delimiter;
    private final List<String> header;
    private final int wkt;
    private final int lon;
    private final int lat;
    private final int idColumn;
    private final WKTReader wktReader = new WKTReader(GeoJsonReader.GEOMETRIES);
    private long row;
    private SourceRecord next;
    private boolean done;

    CsvReader(Path file, Charset charset) {
        try {
            Charset cs = charset != null ? charset : detect(file);
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            skipBom(in);
            this.reader = new BufferedReader(new InputStreamReader(in, cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            String first = reader.readLine();
            if (first == null) throw new ImportException("empty CSV file");
            this.delimiter = delimiter(first);
            this.header = parseLine(first, delimiter);
        } catch (CharacterCodingException e) {
            throw new ImportException("CSV header is not valid text in the detected encoding");
        } catch (IOException e) {
            throw new ImportException("cannot read CSV: " + e.getMessage(), e);
        }
        int w = -1, x = -1, y = -1, id = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().toLowerCase(Locale.ROOT);
            if (WKT_NAMES.contains(h) && w < 0) w = i;
            else if (LON_NAMES.contains(h) && x < 0) x = i;
            else if (LAT_NAMES.contains(h) && y < 0) y = i;
            else if (ID_NAMES.contains(h) && id < 0) id = i;
        }
        if (w < 0 && (x < 0 || y < 0)) {
            close();
            throw new ImportException("CSV needs a WKT column (wkt, geom, geometry) or longitude/latitude columns "
                    + "(lon/lat, x/y, 经度/纬度); header is " + header);
        }
        this.wkt = w;
        this.lon = w >= 0 ? -1 : x;
        this.lat = w >= 0 ? -1 : y;
        this.idColumn = id;
    }

    /** UTF-8 when the first megabyte decodes as UTF-8 (or has a BOM), GBK otherwise. */
    static Charset detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        int end = head.length;
        // do not judge a multi-byte sequence cut by the 1 MB window
        while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) end--;
        if (end > 0 && end < head.length && (head[end - 1] & 0x80) != 0) end--;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }

    private static void skipBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)) in.reset();
    }

    private static char delimiter(String headerLine) {
        if (headerLine.indexOf(',') >= 0) return ',';
        if (headerLine.indexOf('\t') >= 0) return '\t';
        if (headerLine.indexOf(';') >= 0) return ';';
        return ',';
    }

    @Override
    public List<org.tidemark.core.feature.Attribute> declaredAttributes() { return List.of(); }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            String line = reader.readLine();
            while (line != null && line.isBlank()) line = reader.readLine();
            if (line == null) {
                done = true;
                return false;
            }
            row++;
            // a quoted field may span lines
            while (openQuotes(line)) {
                String more = reader.readLine();
                if (more == null) throw new ImportException("row " + row + ": unterminated quoted field (truncated file?)");
                line = line + "\n" + more;
            }
            next = record(parseLine(line, delimiter));
            return true;
        } catch (CharacterCodingException e) {
            done = true;
            throw new ImportException("row " + (row + 1) + ": bytes that are not valid text in the file's encoding "
                    + "(mixed or broken encoding; save the file as UTF-8 or GBK)");
        } catch (IOException e) {
            done = true;
            throw new ImportException("cannot read CSV at row " + row + ": " + e.getMessage(), e);
        }
    }

    private SourceRecord record(List<String> cells) {
        if (cells.size() != header.size()) {
            return SourceRecord.bad(row, "has " + cells.size() + " fields, header has " + header.size());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (i == wkt || i == lon || i == lat || i == idColumn) continue;
            props.put(header.get(i).trim(), typed(cells.get(i)));
        }
        String id = idColumn >= 0 && !cells.get(idColumn).isBlank() ? cells.get(idColumn).trim() : null;
        try {
            if (wkt >= 0) {
                String text = cells.get(wkt).trim();
                if (text.isEmpty()) return new SourceRecord(row, id, null, props, "empty WKT geometry");
                return new SourceRecord(row, id, wktReader.read(text), props, null);
            }
            double x = Double.parseDouble(cells.get(lon).trim());
            double y = Double.parseDouble(cells.get(lat).trim());
            return new SourceRecord(row, id, GeoJsonReader.GEOMETRIES.createPoint(new Coordinate(x, y)), props, null);
        } catch (ParseException e) {
            return new SourceRecord(row, id, null, props, "invalid WKT: " + e.getMessage());
        } catch (NumberFormatException e) {
            return new SourceRecord(row, id, null, props, "longitude/latitude are not numbers: "
                    + cells.get(lon) + ", " + cells.get(lat));
        }
    }

    /** Numbers without leading zeros become numbers; codes such as {@code 00123} stay text. */
    static Object typed(String s) {
        String t = s.trim();
        if (t.isEmpty()) return null;
        if (t.matches("-?(0|[1-9]\\d{0,17})")) return Long.parseLong(t);
        if (t.matches("-?(0|[1-9]\\d*)\\.\\d+([eE][-+]?\\d+)?")) return Double.parseDouble(t);
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return Boolean.parseBoolean(t);
        return s;
    }

    private static boolean openQuotes(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '"') n++;
        return n % 2 == 1;
    }

    static List<String> parseLine(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
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
            if (reader != null) reader.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
