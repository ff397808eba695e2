package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.LocalizedText;

/**
 * Reads and writes {@code tm_layer}: one row per stored feature type with its schema (as JSON), its
 * catalog metadata once published, and a content version bumped by every write transaction.
 */
final class LayerTable {
    private static final String COLUMNS = "name, department_code, department_zh, department_en, keywords, "
            + "update_frequency, is_public, live, contact, feature_type";

    private LayerTable() {}

    static void insert(Connection c, FeatureType type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tm_layer (name, title_zh, title_en, abstract_zh, "
                + "abstract_en, feature_type) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, type.name());
            ps.setString(2, type.title().zh());
            ps.setString(3, type.title().en());
            ps.setString(4, type.description().zh());
            ps.setString(5, type.description().en());
            ps.setString(6, FeatureTypeJson.write(type));
            ps.executeUpdate();
        }
    }

    static void delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tm_layer WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    static Optional<FeatureType> type(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT feature_type FROM tm_layer WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(FeatureTypeJson.read(rs.getString(1))) : Optional.empty();
            }
        }
    }

    static List<FeatureType> types(Connection c) throws SQLException {
        List<FeatureType> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT feature_type FROM tm_layer ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(FeatureTypeJson.read(rs.getString(1)));
        }
        return out;
    }

    /** Stores a layer's catalog metadata (the type must exist); returns false when it does not. */
    static boolean publish(Connection c, Layer layer) throws SQLException {
        FeatureType t = layer.type();
        try (PreparedStatement ps = c.prepareStatement("UPDATE tm_layer SET department_code = ?, department_zh = ?, "
                + "department_en = ?, title_zh = ?, title_en = ?, abstract_zh = ?, abstract_en = ?, keywords = ?, "
                + "update_frequency = ?, is_public = ?, live = ?, contact = ?, feature_type = ?, "
                + "updated_at = CURRENT_TIMESTAMP WHERE name = ?")) {
            Department d = layer.department();
            ps.setString(1, d == null ? null : d.code());
            ps.setString(2, d == null ? null : d.name().zh());
            ps.setString(3, d == null ? null : d.name().en());
            ps.setString(4, t.title().zh());
            ps.setString(5, t.title().en());
            ps.setString(6, t.description().zh());
            ps.setString(7, t.description().en());
            ps.setString(8, FeatureTypeJson.writeList(layer.keywords()));
            ps.setString(9, layer.updateFrequency());
            ps.setBoolean(10, layer.isPublic());
            ps.setBoolean(11, layer.live());
            ps.setString(12, layer.contact());
            ps.setString(13, FeatureTypeJson.write(t));
            ps.setString(14, t.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** The published layers (those with a department), by name. */
    static List<Layer> layers(Connection c) throws SQLException {
        List<Layer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM tm_layer WHERE department_code IS NOT NULL ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Department d = new Department(rs.getString("department_code"),
                        LocalizedText.of(nonNull(rs.getString("department_zh")), rs.getString("department_en")));
                out.add(new Layer(FeatureTypeJson.read(rs.getString("feature_type")), d,
                        FeatureTypeJson.readList(rs.getString("keywords")), rs.getString("update_frequency"),
                        rs.getBoolean("is_public"), rs.getBoolean("live"), rs.getString("contact")));
            }
        }
        return out;
    }

    static void bumpVersion(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tm_layer SET content_version = content_version + 1, updated_at = CURRENT_TIMESTAMP WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    static long version(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_version FROM tm_layer WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private static String nonNull(String s) { return s == null ? "" : s; }
}
