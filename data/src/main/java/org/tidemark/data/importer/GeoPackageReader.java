package org.tidemark.data.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;

/**
 * Streams one feature table of an OGC GeoPackage 1.3 (OGC 12-128r18): the table comes from
 * {@code gpkg_contents} (§1.1.3), its geometry column and SRS from {@code gpkg_geometry_columns} (§2.1.5)
 * and {@code gpkg_spatial_ref_sys} (§1.1.2); each geometry blob is the GeoPackageBinary header (§2.1.3:
 * magic {@code GP}, version, flags with byte order and envelope size, srs_id, envelope) followed by
 * ISO WKB. Rows are read through a forward-only JDBC cursor, the database is opened read-only.
 */
final class GeoPackageReader implements RecordReader {
    private final Connection db;
    private final Statement statement;
    private final ResultSet rows;
    private final String geometryColumn;
    private final String idColumn;
    private final List<Attribute> attributes = new ArrayList<>();
    private final PrjCrs crs;
    private final WKBReader wkb = new WKBReader(GeoJsonReader.GEOMETRIES);
    private long row;
    private SourceRecord next;
    private boolean done;

    GeoPackageReader(Path file, String table) {
        if (!Files.isRegularFile(file)) throw new ImportException("no such file: " + file.getFileName());
        try {
            Properties p = new Properties();
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            this.db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
        } catch (SQLException e) {
            throw new ImportException("not a readable GeoPackage: " + e.getMessage());
        }
        try {
            String t = table != null ? table : singleFeatureTable();
            String geom = null;
            int srsId = 0;
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        geom = rs.getString(1);
                        srsId = rs.getInt(2);
                    }
                }
            }
            if (geom == null) throw new ImportException("table " + t + " has no entry in gpkg_geometry_columns");
            this.geometryColumn = geom;
            this.crs = PrjCrs.of(srsDefinition(srsId));
            String pk = null;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(t) + ")")) {
                while (rs.next()) {
                    String name = rs.getString("name");
                    if (rs.getInt("pk") == 1 && pk == null) {
                        pk = name;
                    } else if (!name.equals(geom)) {
                        attributes.add(Attribute.of(name, type(rs.getString("type")), name, name));
                    }
                }
            }
            this.idColumn = pk;
            this.statement = db.createStatement();
            this.statement.setFetchSize(500);
            this.rows = statement.executeQuery("SELECT * FROM " + quote(t) + (pk != null ? " ORDER BY " + quote(pk) : ""));
        } catch (SQLException e) {
            close();
            throw new ImportException("not a readable GeoPackage: " + e.getMessage());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String singleFeatureTable() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        if (tables.isEmpty()) throw new ImportException("the GeoPackage has no feature table");
        if (tables.size() > 1) throw new ImportException("the GeoPackage has several feature tables; name one: " + tables);
        return tables.get(0);
    }

    private String srsDefinition(int srsId) throws SQLException {
        if (srsId == 4326 || srsId == 4490 || srsId <= 0) return null;
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new ImportException("srs_id " + srsId + " is not in gpkg_spatial_ref_sys");
                String org = rs.getString(1);
                int code = rs.getInt(2);
                if ("EPSG".equalsIgnoreCase(org) && (code == 4326 || code == 4490)) return null;
                if ("EPSG".equalsIgnoreCase(org)) return "EPSG:" + code;
                return rs.getString(3);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static AttributeType type(String sqlType) {
        String t = sqlType == null ? "" : sqlType.toUpperCase(Locale.ROOT);
        if (t.equals("BOOLEAN")) return AttributeType.BOOLEAN;
        if (t.contains("INT")) return AttributeType.LONG;
        if (t.contains("REAL") || t.contains("DOUBLE") || t.contains("FLOAT")) return AttributeType.DOUBLE;
        if (t.equals("DATE")) return AttributeType.DATE;
        if (t.equals("DATETIME")) return AttributeType.DATETIME;
        return AttributeType.STRING;
    }

    @Override
    public List<Attribute> declaredAttributes() { return attributes; }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            if (!rows.next()) {
                done = true;
                return false;
            }
            row++;
            Map<String, Object> props = new LinkedHashMap<>();
            for (Attribute a : attributes) props.put(a.name(), value(a, rows.getObject(a.name())));
            String id = idColumn == null ? null : rows.getString(idColumn);
            byte[] blob = rows.getBytes(geometryColumn);
            if (blob == null) {
                next = new SourceRecord(row, id, null, props, "feature has no geometry");
                return true;
            }
            try {
                next = new SourceRecord(row, id, crs.toLonLat(decode(blob)), props, null);
            } catch (IllegalArgumentException | ParseException e) {
                next = new SourceRecord(row, id, null, props, "bad geometry: " + e.getMessage());
            }
            return true;
        } catch (SQLException e) {
            done = true;
            throw new ImportException("cannot read GeoPackage row " + (row + 1) + ": " + e.getMessage());
        }
    }

    private static Object value(Attribute a, Object v) {
        if (v == null) return null;
        return switch (a.type()) {
            case BOOLEAN -> v instanceof Number n ? n.intValue() != 0 : Boolean.parseBoolean(v.toString());
            case DATE -> LocalDate.parse(v.toString().substring(0, Math.min(10, v.toString().length())));
            default -> v;
        };
    }

    /** GeoPackageBinary (§2.1.3) → JTS. */
    Geometry decode(byte[] blob) throws ParseException {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') throw new IllegalArgumentException("not a GeoPackage geometry blob");
        int flags = blob[3];
        if ((flags & 0x20) != 0) throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        int envelope = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("invalid envelope indicator " + envelope);
        };
        int offset = 8 + envelopeBytes;
        if (blob.length <= offset) throw new IllegalArgumentException("geometry blob too short");
        if ((flags & 0x10) != 0) throw new IllegalArgumentException("empty geometry");
        return wkb.read(java.util.Arrays.copyOfRange(blob, offset, blob.length));
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
            if (rows != null) rows.close();
            if (statement != null) statement.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            if (db != null) db.close();
        } catch (SQLException ignored) {
            // nothing useful to do
        }
    }
}
