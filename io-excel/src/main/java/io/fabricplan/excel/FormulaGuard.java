package io.fabricplan.excel;

/**
 * Checks a formula's text before POI's parser sees it: POI parses recursively, one level per parenthesis and per
 * leading sign, so 20,000 nested parentheses overflow its stack. Excel's own limits are 8,192 characters and 64
 * levels of nested functions; {@link ReadLimits#formulaChars()} and {@link ReadLimits#formulaNesting()} default to
 * them.
 */
final class FormulaGuard {
    private FormulaGuard() {
    }

    /** Why the formula is refused, naming the limit; null when it is within both. */
    static String refusal(String formula, ReadLimits limits) {
        if (formula.length() > limits.formulaChars()) {
            return "formula of more than " + ReadLimits.grouped(limits.formulaChars())
                    + " characters (limit formula-chars)";
        }
        int nesting = nesting(formula);
        if (nesting > limits.formulaNesting()) {
            return "formula nested " + ReadLimits.grouped(nesting) + " levels deep (parentheses and signs), more "
                    + "than " + ReadLimits.grouped(limits.formulaNesting()) + " (limit formula-nesting)";
        }
        return null;
    }

    /**
     * The deepest nesting of the formula: open parentheses, plus a run of signs ({@code --+-1}), which POI parses
     * one level each; text in double quotes and sheet names in single quotes do not count.
     */
    static int nesting(String formula) {
        int depth = 0;
        int deepest = 0;
        int signs = 0;
        boolean inText = false;
        boolean inName = false;
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (inText) {
                inText = c != '"';
                continue;
            }
            if (inName) {
                inName = c != '\'';
                continue;
            }
            switch (c) {
                case '"' -> inText = true;
                case '\'' -> inName = true;
                case '(' -> depth++;
                case ')' -> depth = Math.max(0, depth - 1);
                default -> {
                    // other characters neither open nor close a level
                }
            }
            signs = c == '-' || c == '+' ? signs + 1 : Character.isWhitespace(c) ? signs : 0;
            deepest = Math.max(deepest, depth + signs);
        }
        return deepest;
    }

    /** A text a spreadsheet may take for a formula when it is copied or exported (CSV injection). */
    static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }
}
