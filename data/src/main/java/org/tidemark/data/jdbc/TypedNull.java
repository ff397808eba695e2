package org.tidemark.data.jdbc;

/** A null parameter of a known SQL type ({@link java.sql.Types}), bound with {@code setNull}. */
record TypedNull(int sqlType) {}
