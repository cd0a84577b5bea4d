package io.fabricplan.dwdm.sndlib;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The token stream of an SNDlib native file, with line numbers; checks and skips the header line. */
final class Tokens {
    record Token(String text, int line) {
    }

    private final String file;
    private final List<Token> tokens;
    private final int lastLine;
    private int pos;

    private Tokens(String file, List<Token> tokens, int lastLine) {
        this.file = file;
        this.tokens = tokens;
        this.lastLine = lastLine;
    }

    /** Tokenises the lines; a META ( ... ) block is skipped line by line, its content being free text. */
    static Tokens of(String file, List<String> lines, String expectedType) throws SndlibFormatException {
        List<Token> out = new ArrayList<>();
        boolean inMeta = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int no = i + 1;
            String line = raw.strip();
            if (line.startsWith("?")) {
                header(file, no, line, expectedType);
                continue;
            }
            if (inMeta) {
                if (line.equals(")")) {
                    inMeta = false;
                }
                continue;
            }
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.matches("META\\s*\\(.*")) {
                inMeta = !line.matches("META\\s*\\(.*\\)\\s*");
                continue;
            }
            for (String s : line.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(new Token(s, no));
                }
            }
        }
        if (inMeta) {
            throw SndlibFormatException.at(file, lines.size(), "the META section is not closed",
                    "end it with a line holding only \")\"");
        }
        return new Tokens(file, out, lines.size());
    }

    private static void header(String file, int no, String line, String expectedType) throws SndlibFormatException {
        String lower = line.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("type:");
        if (at >= 0) {
            String type = lower.substring(at + 5).split(";")[0].trim();
            if (!type.equals(expectedType)) {
                throw SndlibFormatException.at(file, no, "this is an SNDlib " + type + " file, not a "
                        + expectedType + " file", "the arguments are NETWORK.txt then MODEL.txt");
            }
        }
    }

    boolean hasNext() {
        return pos < tokens.size();
    }

    Token next() throws SndlibFormatException {
        if (!hasNext()) {
            throw SndlibFormatException.at(file, lastLine, "unexpected end of file",
                    "a section or line is not complete; check the parentheses");
        }
        return tokens.get(pos++);
    }

    boolean peekIs(String text) throws SndlibFormatException {
        if (!hasNext()) {
            throw SndlibFormatException.at(file, lastLine, "unexpected end of file, \")\" missing",
                    "close every section with \")\"");
        }
        return tokens.get(pos).text().equals(text);
    }

    boolean peekIsOnLine(String text, int line) {
        return hasNext() && tokens.get(pos).text().equals(text) && tokens.get(pos).line() == line;
    }

    /** Skips parenthesised option groups that follow on the same line, e.g. {@code ()}. */
    void skipGroupsOnLine(int line) throws SndlibFormatException {
        while (peekIsOnLine("(", line)) {
            Token open = next();
            int depth = 1;
            while (depth > 0) {
                Token tk = next();
                if (tk.text().equals("(")) {
                    depth++;
                } else if (tk.text().equals(")")) {
                    depth--;
                }
            }
            if (open == null) {
                return;
            }
        }
    }

    Token expect(String text) throws SndlibFormatException {
        Token tk = next();
        if (!tk.text().equals(text)) {
            throw error(tk, "expected \"" + text + "\" but found \"" + tk.text() + "\"",
                    "a parenthesis is missing or a line has too many or too few fields");
        }
        return tk;
    }

    Token identifier(String what) throws SndlibFormatException {
        Token tk = next();
        if (tk.text().equals("(") || tk.text().equals(")")) {
            throw error(tk, "expected " + what + " but found \"" + tk.text() + "\"",
                    "a field is missing or a parenthesis is misplaced");
        }
        return tk;
    }

    double number(String what) throws SndlibFormatException {
        return toNumber(next(), what);
    }

    double nonNegative(String what) throws SndlibFormatException {
        Token tk = next();
        double v = toNumber(tk, what);
        if (v < 0) {
            throw error(tk, what + " is negative (" + tk.text() + ")", "use 0 or a positive number");
        }
        return v;
    }

    double toNumber(Token tk, String what) throws SndlibFormatException {
        try {
            double v = Double.parseDouble(tk.text());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(tk, what + " is not a number: \"" + tk.text() + "\"",
                    "a field is missing or misplaced on this line");
        }
    }

    SndlibFormatException error(Token tk, String problem, String hint) {
        return SndlibFormatException.at(file, tk.line(), problem, hint);
    }
}
