package io.fabricplan.formulations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link MipModel} in CPLEX LP format (read by CPLEX, Gurobi, SCIP, HiGHS, CBC), keeping the model's
 * readable names. LP names may not hold {@code [ ] = - + < > : *} or spaces, so they are mapped consistently:
 * {@code [ ]} to {@code ( )}, {@code =} to {@code _}, {@code ,} to {@code .} and any other character LP does not
 * allow to {@code _}; {@code y[device=leaf1,model=sw51-cpo]} becomes {@code y(device_leaf1.model_sw51_cpo)}. A
 * mapped name that collides with an earlier one gets a suffix {@code ~2}, {@code ~3}... Runs in O(model size).
 */
public final class LpFormat {
    /** Lines are wrapped before this length (LP readers accept 255 characters at most, some fewer). */
    private static final int LINE = 200;

    private LpFormat() {
    }

    /**
     * Writes the model to the file, replacing it: through a temporary file {@code .NAME.*.tmp} beside it, moved
     * into place once complete, so that an interrupted write leaves no partial model.
     */
    public static void write(MipModel model, Path file) {
        Path target = file.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(model, out);
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LP file " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the model file itself is complete or untouched
                }
            }
        }
    }

    /** Writes the model to a writer (left open). */
    public static void write(MipModel model, Writer out) throws IOException {
        Names varNames = new Names();
        Names rowNames = new Names();
        List<String> vars = new ArrayList<>();
        for (MipModel.Var v : model.variables()) {
            vars.add(varNames.map(v.name()));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("\\ Model ").append(model.name()).append(": ").append(model.numVariables()).append(" variables, ")
                .append(model.numRows()).append(" rows\n");
        sb.append("Minimize\n");
        Line line = new Line(sb);
        line.add(" obj:");
        boolean any = false;
        for (MipModel.Var v : model.variables()) {
            double c = model.objectiveCoefficient(v);
            if (c != 0) {
                line.add(term(c, vars.get(v.index()), !any));
                any = true;
            }
        }
        double constant = model.objectiveConstant();
        if (constant != 0 || !any) {
            line.add((constant < 0 ? " - " : any ? " + " : " ") + num(Math.abs(constant)));
        }
        line.end();

        sb.append("Subject To\n");
        for (MipModel.Row r : model.rows()) {
            String name = rowNames.map(r.name());
            boolean finiteLo = r.lo() != Double.NEGATIVE_INFINITY;
            boolean finiteHi = r.hi() != Double.POSITIVE_INFINITY;
            if (finiteLo && finiteHi && r.lo() == r.hi()) {
                row(line, name, r, vars, " = " + num(r.hi()));
            } else {
                // LP has no ranged rows in every reader: a two-sided row becomes two rows
                if (finiteLo) {
                    row(line, finiteHi ? rowNames.map(r.name() + "~lo") : name, r, vars, " >= " + num(r.lo()));
                }
                if (finiteHi) {
                    row(line, finiteLo ? rowNames.map(r.name() + "~hi") : name, r, vars, " <= " + num(r.hi()));
                }
            }
        }

        sb.append("Bounds\n");
        for (MipModel.Var v : model.variables()) {
            if (v.binary()) {
                continue;
            }
            String n = vars.get(v.index());
            if (v.lb() == v.ub()) {
                sb.append(' ').append(n).append(" = ").append(num(v.lb())).append('\n');
            } else {
                sb.append(' ').append(bound(v.lb())).append(" <= ").append(n).append(" <= ").append(bound(v.ub()))
                        .append('\n');
            }
        }
        sb.append("General\n");
        for (MipModel.Var v : model.variables()) {
            if (v.integer() && !v.binary()) {
                sb.append(' ').append(vars.get(v.index())).append('\n');
            }
        }
        sb.append("Binary\n");
        for (MipModel.Var v : model.variables()) {
            if (v.binary()) {
                sb.append(' ').append(vars.get(v.index())).append('\n');
            }
        }
        sb.append("End\n");
        out.write(sb.toString());
    }

    private static void row(Line line, String name, MipModel.Row r, List<String> vars, String rhs) {
        line.add(" " + name + ":");
        if (r.size() == 0) {
            // an empty row still states a fact (e.g. an unservable demand); LP needs a term, give it a zero one
            line.add(vars.isEmpty() ? " 0" : " 0 " + vars.get(0));
        }
        for (int i = 0; i < r.size(); i++) {
            line.add(term(r.coefs()[i], vars.get(r.vars()[i]), i == 0));
        }
        line.add(rhs);
        line.end();
    }

    private static String term(double coef, String var, boolean first) {
        String sign = coef < 0 ? (first ? " -" : " - ") : (first ? " " : " + ");
        double a = Math.abs(coef);
        return sign + (a == 1 ? "" : num(a) + " ") + var;
    }

    private static String bound(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return num(v);
    }

    /** Shortest exact decimal, never in exponent form. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Maps a model name to an LP name, the same way every time, keeping names unique. */
    static String sanitize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char m = switch (c) {
                case '[' -> '(';
                case ']' -> ')';
                case '=' -> '_';
                case ',' -> '.';
                default -> allowed(c) ? c : '_';
            };
            sb.append(m);
        }
        // LP names may not start with a digit or a period (they would read as numbers)
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0)) || sb.charAt(0) == '.') {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!\"#$%&()/,.;?@_`'{}|~".indexOf(c) >= 0;
    }

    private static final class Names {
        private final Set<String> used = new HashSet<>();
        private final Map<String, Integer> next = new HashMap<>();

        String map(String name) {
            String base = sanitize(name);
            String candidate = base;
            while (!used.add(candidate)) {
                int n = next.merge(base, 1, Integer::sum) + 1;
                candidate = base + "~" + n;
            }
            return candidate;
        }
    }

    /** Writes tokens, wrapping before {@link #LINE} characters. */
    private static final class Line {
        private final StringBuilder out;
        private int length;

        Line(StringBuilder out) {
            this.out = out;
        }

        void add(String token) {
            if (length > 0 && length + token.length() > LINE) {
                out.append('\n');
                length = 0;
            }
            out.append(token);
            length += token.length();
        }

        void end() {
            out.append('\n');
            length = 0;
        }
    }
}
