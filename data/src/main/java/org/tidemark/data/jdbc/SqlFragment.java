package org.tidemark.data.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL with its parameters, in order. Values only ever travel in {@link #params}: the text
 * holds {@code ?} placeholders and identifiers taken from the schema, never a value from a request.
 */
record SqlFragment(String sql, List<Object> params) {
    SqlFragment {
        params = List.copyOf(params);
    }

    static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }

    SqlFragment withParams(Object... values) { return new SqlFragment(sql, List.of(values)); }

    /** Builds a fragment from parts. */
    static final class Builder {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Builder sql(String text) {
            sql.append(text);
            return this;
        }

        Builder param(Object value) {
            sql.append('?');
            params.add(value);
            return this;
        }

        Builder append(SqlFragment f) {
            sql.append(f.sql());
            params.addAll(f.params());
            return this;
        }

        Builder params(Object... values) {
            params.addAll(List.of(values));
            return this;
        }

        SqlFragment build() { return new SqlFragment(sql.toString(), params); }
    }
}
