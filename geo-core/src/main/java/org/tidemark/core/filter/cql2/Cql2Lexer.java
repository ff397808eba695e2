package org.tidemark.core.filter.cql2;

import java.util.ArrayList;
import java.util.List;

/** Splits CQL2 text (OGC 21-065r2 Annex B BNF) into tokens with their character positions. */
final class Cql2Lexer {
    enum Type { IDENT, QUOTED_IDENT, STRING, NUMBER, LPAREN, RPAREN, COMMA, LBRACKET, RBRACKET, COMPARE, ARITH, EOF }

    /** One token; {@code text} is the identifier, the unescaped string, the number or the operator. */
    record Token(Type type, String text, int pos, int end) {
        boolean is(Type t) { return type == t; }

        boolean isWord(String word) { return type == Type.IDENT && text.equalsIgnoreCase(word); }
    }

    private Cql2Lexer() {}

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            switch (c) {
                case '(' -> { out.add(new Token(Type.LPAREN, "(", i, ++i)); continue; }
                case ')' -> { out.add(new Token(Type.RPAREN, ")", i, ++i)); continue; }
                case ',' -> { out.add(new Token(Type.COMMA, ",", i, ++i)); continue; }
                case '[' -> { out.add(new Token(Type.LBRACKET, "[", i, ++i)); continue; }
                case ']' -> { out.add(new Token(Type.RBRACKET, "]", i, ++i)); continue; }
                case '=' -> { out.add(new Token(Type.COMPARE, "=", i, ++i)); continue; }
                case '<', '>' -> {
                    String op = String.valueOf(c);
                    if (i + 1 < n && (s.charAt(i + 1) == '=' || c == '<' && s.charAt(i + 1) == '>')) op += s.charAt(++i);
                    out.add(new Token(Type.COMPARE, op, start, ++i));
                    continue;
                }
                case '+', '-', '*', '/', '^', '%' -> { out.add(new Token(Type.ARITH, String.valueOf(c), i, ++i)); continue; }
                case '\'' -> {
                    StringBuilder b = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) throw Cql2Builder.error("unterminated character literal", start);
                        char d = s.charAt(i);
                        if (d == '\'') {
                            if (i + 1 < n && s.charAt(i + 1) == '\'') {
                                b.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        b.append(d);
                        i++;
                    }
                    out.add(new Token(Type.STRING, b.toString(), start, i));
                    continue;
                }
                case '"' -> {
                    int close = s.indexOf('"', i + 1);
                    if (close < 0) throw Cql2Builder.error("unterminated quoted property name", start);
                    String name = s.substring(i + 1, close);
                    if (name.isEmpty()) throw Cql2Builder.error("empty property name", start);
                    i = close + 1;
                    out.add(new Token(Type.QUOTED_IDENT, name, start, i));
                    continue;
                }
                default -> { }
            }
            if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                while (i < n && Character.isDigit(s.charAt(i))) i++;
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && Character.isDigit(s.charAt(i))) i++;
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
                    if (i < n && Character.isDigit(s.charAt(i))) {
                        while (i < n && Character.isDigit(s.charAt(i))) i++;
                    } else {
                        i = save;
                    }
                }
                out.add(new Token(Type.NUMBER, s.substring(start, i), start, i));
                continue;
            }
            if (isIdentifierStart(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
                while (i < n && isIdentifierPart(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
                out.add(new Token(Type.IDENT, s.substring(start, i), start, i));
                continue;
            }
            throw Cql2Builder.error("unexpected character '" + c + "'", start);
        }
        out.add(new Token(Type.EOF, "end of input", n, n));
        return out;
    }

    /** BNF identifierStart: colon, underscore and letters (any script). */
    static boolean isIdentifierStart(int cp) {
        return cp == ':' || cp == '_' || Character.isLetter(cp);
    }

    /** BNF identifierPart: identifierStart, period, digits, combining marks, ‿ ⁀. */
    static boolean isIdentifierPart(int cp) {
        return isIdentifierStart(cp) || cp == '.' || Character.isDigit(cp)
                || cp >= 0x0300 && cp <= 0x036F || cp == 0x203F || cp == 0x2040
                || Character.getType(cp) == Character.NON_SPACING_MARK;
    }
}
