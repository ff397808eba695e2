/**
 * OGC Common Query Language 2 (CQL2, OGC 21-065r2) for OGC API Features Part 3: {@link
 * org.tidemark.core.filter.cql2.Cql2TextParser} ({@code cql2-text}), {@link
 * org.tidemark.core.filter.cql2.Cql2JsonParser} ({@code cql2-json}) and {@link
 * org.tidemark.core.filter.cql2.Cql2TextWriter}. Both parsers build the protocol-neutral
 * {@link org.tidemark.core.filter.Filter} through one builder, so the two encodings have identical semantics;
 * {@link org.tidemark.core.filter.FilterValidator} then checks the properties against the collection's queryables.
 *
 * <p>Conformance classes implemented: basic-cql2, advanced-comparison-operators, case-insensitive-comparison,
 * basic-spatial-functions, basic-spatial-functions-plus (all geometry types), spatial-functions, temporal-functions
 * (instant-valued properties). Not implemented: accent-insensitive-comparison, array-functions,
 * property-property, functions, arithmetic.
 */
package org.tidemark.core.filter.cql2;
