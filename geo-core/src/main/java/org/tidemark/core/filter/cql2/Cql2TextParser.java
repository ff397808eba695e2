package org.tidemark.core.filter.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.cql2.Cql2Builder.Geom;
import org.tidemark.core.filter.cql2.Cql2Builder.Interval;
import org.tidemark.core.filter.cql2.Cql2Builder.Lit;
import org.tidemark.core.filter.cql2.Cql2Builder.Operand;
import org.tidemark.core.filter.cql2.Cql2Builder.Prop;
import org.tidemark.core.filter.cql2.Cql2Lexer.Token;
import org.tidemark.core.filter.cql2.Cql2Lexer.Type;

/**
 * Parses the CQL2 text encoding (OGC 21-065r2 §8, Annex B BNF; {@code filter-lang=cql2-text} in OGC API Features
 * Part 3) into a {@link Filter}. Supported requirements classes: Basic CQL2, Advanced Comparison Operators (LIKE,
 * BETWEEN, IN), Case-insensitive Comparison (CASEI), Basic Spatial Functions (S_INTERSECTS with POINT/BBOX),
 * Spatial Functions (all S_* with any WKT literal), Temporal Functions (T_* on instant-valued properties).
 * Not supported, rejected with a clear message: ACCENTI, custom functions, arithmetic, array functions,
 * property-property comparisons, interval-valued properties. {@code S_DWITHIN(geom, literal, distance[, unit])}
 * and {@code S_BEYOND} are accepted as a Tidemark extension (distance in metres unless a unit is given).
 *
 * <p>Keywords and function names are case-insensitive. Geometry literals are WKT (ISO 13249-3) or
 * {@code BBOX(w, s, e, n)} / {@code BBOX(w, s, zmin, e, n, zmax)}, in the axis order and CRS of the
 * {@code filter-crs} (CRS84 by default); they come out in longitude/latitude on CGCS2000.
 *
 * <p>Limits: {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} levels of nesting. Every error is a
 * {@code GeoServiceException.invalid("filter", ...)} whose message ends with the 1-based character position.
 * Instances are not needed: the class is stateless and thread-safe.
 */
public final class Cql2TextParser {
    /** The longest filter accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** The deepest nesting of parentheses and NOT accepted. */
    public static final int MAX_DEPTH = 64;

    private static final Set<String> GEOMETRY_KEYWORDS = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL");

    private final String source;
    private final List<Token> tokens;
    private final Cql2Builder build;
    private int index;

    private Cql2TextParser(String source, List<Token> tokens, CrsReference filterCrs) {
        this.source = source;
        this.tokens = tokens;
        this.build = new Cql2Builder(filterCrs);
    }

    /** Parses a filter whose geometry literals are CRS84 longitude/latitude. */
    public static Filter parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a filter whose geometry literals are in {@code filterCrs} (its wire axis order), or CRS84 when null.
     */
    public static Filter parse(String text, CrsReference filterCrs) {
        if (text == null || text.isBlank()) throw Cql2Builder.error("empty filter", 0);
        if (text.length() > MAX_LENGTH) {
            throw Cql2Builder.error("filter longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Cql2TextParser p = new Cql2TextParser(text, Cql2Lexer.tokenize(text), filterCrs);
        Filter f = p.orExpression(0);
        Token t = p.peek();
        if (!t.is(Type.EOF)) throw Cql2Builder.error("unexpected '" + t.text() + "'", t.pos());
        return f;
    }

    // ----- boolean structure ---------------------------------------------------------------------------

    private Filter orExpression(int depth) {
        List<Filter> terms = new ArrayList<>();
        terms.add(andExpression(depth));
        while (peek().isWord("OR")) {
            index++;
            terms.add(andExpression(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
    }

    private Filter andExpression(int depth) {
        List<Filter> terms = new ArrayList<>();
        terms.add(notExpression(depth));
        while (peek().isWord("AND")) {
            index++;
            terms.add(notExpression(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
    }

    private Filter notExpression(int depth) {
        if (peek().isWord("NOT")) {
            Token not = next();
            checkDepth(depth + 1, not);
            return new Filter.Not(notExpression(depth + 1));
        }
        return primary(depth);
    }

    private void checkDepth(int depth, Token at) {
        if (depth > MAX_DEPTH) throw Cql2Builder.error("nesting deeper than " + MAX_DEPTH + " levels", at.pos());
    }

    private Filter primary(int depth) {
        Token t = peek();
        if (t.is(Type.LPAREN)) {
            index++;
            checkDepth(depth + 1, t);
            Filter inner = orExpression(depth + 1);
            expect(Type.RPAREN, "')'");
            return inner;
        }
        if (t.is(Type.IDENT) && peek(1).is(Type.LPAREN)) {
            String name = t.text().toUpperCase(Locale.ROOT);
            if (Cql2Builder.isSpatialFunction(name)) return spatialPredicate();
            if (Cql2Builder.isTemporalFunction(name)) return temporalPredicate();
            if (name.startsWith("A_")) throw Cql2Builder.error("array functions are not supported", t.pos());
        }
        Operand left = operand();
        Token op = peek();
        if (op.is(Type.COMPARE)) {
            index++;
            Operand right = operand();
            rejectArithmetic();
            return build.comparison(comparisonOperator(op), left, right, op.pos());
        }
        if (op.is(Type.ARITH)) throw Cql2Builder.error("arithmetic expressions are not supported", op.pos());
        boolean not = false;
        if (op.isWord("NOT")) {
            index++;
            not = true;
            op = peek();
        }
        if (op.isWord("LIKE")) {
            index++;
            return build.like(left, operand(), not, op.pos());
        }
        if (op.isWord("BETWEEN")) {
            index++;
            Operand lower = operand();
            expectWord("AND");
            Operand upper = operand();
            rejectArithmetic();
            return build.between(left, lower, upper, not, op.pos());
        }
        if (op.isWord("IN")) {
            index++;
            expect(Type.LPAREN, "'(' after IN");
            List<Operand> list = new ArrayList<>();
            do {
                list.add(operand());
            } while (accept(Type.COMMA));
            expect(Type.RPAREN, "')' closing the IN list");
            return build.in(left, list, not, op.pos());
        }
        if (!not && op.isWord("IS")) {
            index++;
            boolean isNot = accept("NOT");
            expectWord("NULL");
            return build.isNull(left, isNot, op.pos());
        }
        if (not) throw Cql2Builder.error("expected LIKE, BETWEEN or IN after NOT", op.pos());
        if (left instanceof Lit l && l.value() instanceof Boolean b) return b ? Filter.INCLUDE : Filter.EXCLUDE;
        throw Cql2Builder.error("expected a comparison operator, LIKE, BETWEEN, IN or IS NULL but found '"
                + op.text() + "'", op.pos());
    }

    private void rejectArithmetic() {
        if (peek().is(Type.ARITH)) throw Cql2Builder.error("arithmetic expressions are not supported", peek().pos());
    }

    private static ComparisonOperator comparisonOperator(Token t) {
        return switch (t.text()) {
            case "=" -> ComparisonOperator.EQ;
            case "<>" -> ComparisonOperator.NE;
            case "<" -> ComparisonOperator.LT;
            case "<=" -> ComparisonOperator.LE;
            case ">" -> ComparisonOperator.GT;
            case ">=" -> ComparisonOperator.GE;
            default -> throw Cql2Builder.error("unknown operator " + t.text(), t.pos());
        };
    }

    private Filter spatialPredicate() {
        Token fn = next();
        expect(Type.LPAREN, "'('");
        Operand a = operand();
        expect(Type.COMMA, "','");
        Operand b = operand();
        double distance = 0;
        String upper = fn.text().toUpperCase(Locale.ROOT);
        if (upper.equals("S_DWITHIN") || upper.equals("S_BEYOND")) {
            expect(Type.COMMA, "',' before the distance");
            Operand d = operand();
            if (!(d instanceof Lit l) || !(l.value() instanceof Number n) || n.doubleValue() < 0) {
                throw Cql2Builder.error(upper + " needs a non-negative distance", d.pos());
            }
            String unit = null;
            if (accept(Type.COMMA)) {
                Token u = next();
                if (!u.is(Type.IDENT) && !u.is(Type.STRING)) throw Cql2Builder.error("expected a distance unit", u.pos());
                unit = u.text();
            }
            distance = Cql2Builder.metres(n.doubleValue(), unit, d.pos());
        }
        expect(Type.RPAREN, "')'");
        return build.spatial(upper, a, b, distance, fn.pos());
    }

    private Filter temporalPredicate() {
        Token fn = next();
        expect(Type.LPAREN, "'('");
        Operand a = operand();
        expect(Type.COMMA, "','");
        Operand b = operand();
        expect(Type.RPAREN, "')'");
        return build.temporal(fn.text(), a, b, fn.pos());
    }

    // ----- operands --------------------------------------------------------------------------------------

    private Operand operand() {
        Token t = next();
        switch (t.type()) {
            case QUOTED_IDENT:
                return new Prop(t.text(), false, t.pos());
            case STRING:
                return new Lit(t.text(), false, t.pos());
            case NUMBER:
                return new Lit(Cql2Builder.number(t.text(), t.pos()), false, t.pos());
            case ARITH:
                if ((t.text().equals("-") || t.text().equals("+")) && peek().is(Type.NUMBER)) {
                    Token num = next();
                    return new Lit(Cql2Builder.number(t.text() + num.text(), t.pos()), false, t.pos());
                }
                throw Cql2Builder.error("arithmetic expressions are not supported", t.pos());
            case LPAREN:
                throw Cql2Builder.error("parenthesised (arithmetic) expressions are not supported as operands", t.pos());
            case IDENT:
                return word(t);
            default:
                throw Cql2Builder.error("expected a property name or a literal but found '" + t.text() + "'", t.pos());
        }
    }

    private Operand word(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        boolean call = peek().is(Type.LPAREN);
        if (!call) {
            if (upper.equals("TRUE") || upper.equals("FALSE")) return new Lit(upper.equals("TRUE"), false, t.pos());
            if (GEOMETRY_KEYWORDS.contains(upper) && peek().is(Type.IDENT)
                    && Set.of("Z", "M", "ZM", "EMPTY").contains(peek().text().toUpperCase(Locale.ROOT))) {
                return geometryLiteral(t);
            }
            if (RESERVED.contains(upper)) {
                throw Cql2Builder.error("expected a property name or a literal but found " + t.text(), t.pos());
            }
            return new Prop(t.text(), false, t.pos());
        }
        if (GEOMETRY_KEYWORDS.contains(upper)) return geometryLiteral(t);
        switch (upper) {
            case "CASEI": {
                index++;
                Operand inner = operand();
                expect(Type.RPAREN, "')' closing CASEI");
                if (inner instanceof Prop p) return new Prop(p.name(), true, t.pos());
                if (inner instanceof Lit l && l.value() instanceof String) return new Lit(l.value(), true, t.pos());
                throw Cql2Builder.error("CASEI applies to a property or a character literal", inner.pos());
            }
            case "ACCENTI":
                throw Cql2Builder.error("ACCENTI (accent-insensitive comparison) is not supported", t.pos());
            case "DATE": {
                String s = stringArgument("DATE");
                return new Lit(Cql2Builder.date(s, t.pos()), false, t.pos());
            }
            case "TIMESTAMP": {
                String s = stringArgument("TIMESTAMP");
                return new Lit(Cql2Builder.timestamp(s, t.pos()), false, t.pos());
            }
            case "INTERVAL": {
                index++;
                Token a = next();
                expect(Type.COMMA, "',' in INTERVAL");
                Token b = next();
                expect(Type.RPAREN, "')' closing INTERVAL");
                for (Token bound : List.of(a, b)) {
                    if (!bound.is(Type.STRING)) {
                        throw Cql2Builder.error("INTERVAL bounds must be date or timestamp strings or '..'"
                                + " (interval-valued properties are not supported)", bound.pos());
                    }
                }
                return Cql2Builder.interval(Cql2Builder.intervalBound(a.text(), false, a.pos()),
                        Cql2Builder.intervalBound(b.text(), true, b.pos()), t.pos());
            }
            case "BBOX", "ENVELOPE": {
                index++;
                List<Double> numbers = new ArrayList<>();
                do {
                    Operand o = operand();
                    if (!(o instanceof Lit l) || !(l.value() instanceof Number n)) {
                        throw Cql2Builder.error("BBOX coordinates must be numbers", o.pos());
                    }
                    numbers.add(n.doubleValue());
                } while (accept(Type.COMMA));
                expect(Type.RPAREN, "')' closing BBOX");
                return build.bbox(numbers, t.pos());
            }
            default:
                throw Cql2Builder.error("function " + t.text() + " is not supported", t.pos());
        }
    }

    private String stringArgument(String fn) {
        index++;
        Token s = next();
        if (!s.is(Type.STRING)) throw Cql2Builder.error(fn + " needs a quoted string", s.pos());
        expect(Type.RPAREN, "')' closing " + fn);
        return s.text();
    }

    /** A WKT literal from its keyword to the matching closing parenthesis (or EMPTY). */
    private Geom geometryLiteral(Token keyword) {
        while (peek().is(Type.IDENT) && Set.of("Z", "M", "ZM").contains(peek().text().toUpperCase(Locale.ROOT))) index++;
        int end;
        if (peek().isWord("EMPTY")) {
            end = next().end();
        } else {
            Token open = expect(Type.LPAREN, "'(' after " + keyword.text());
            int depth = 1;
            Token t = open;
            while (depth > 0) {
                t = next();
                if (t.is(Type.EOF)) throw Cql2Builder.error("unterminated " + keyword.text() + " literal", keyword.pos());
                if (t.is(Type.LPAREN)) depth++;
                if (t.is(Type.RPAREN)) depth--;
            }
            end = t.end();
        }
        String wkt = source.substring(keyword.pos(), end);
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw Cql2Builder.error("invalid " + keyword.text().toUpperCase(Locale.ROOT) + " literal (" + e.getMessage() + ")",
                    keyword.pos());
        }
        return build.geometry(g, keyword.pos());
    }

    // ----- token helpers ------------------------------------------------------------------------------

    private Token peek() { return tokens.get(index); }

    private Token peek(int ahead) { return tokens.get(Math.min(index + ahead, tokens.size() - 1)); }

    private Token next() {
        Token t = tokens.get(index);
        if (!t.is(Type.EOF)) index++;
        return t;
    }

    private boolean accept(Type type) {
        if (peek().is(type)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean accept(String word) {
        if (peek().isWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    private Token expect(Type type, String what) {
        Token t = peek();
        if (!t.is(type)) throw Cql2Builder.error("expected " + what + " but found '" + t.text() + "'", t.pos());
        index++;
        return t;
    }

    private void expectWord(String word) {
        Token t = peek();
        if (!t.isWord(word)) throw Cql2Builder.error("expected " + word + " but found '" + t.text() + "'", t.pos());
        index++;
    }
}
