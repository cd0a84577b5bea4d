package io.fabricplan.formulations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small backend-neutral mixed-integer linear model: named variables with bounds and integrality, named rows
 * {@code lo <= sum(coef * var) <= hi}, a linear objective to minimise (with a constant) and an optional solution
 * hint. Every backend ({@code CpSatBackend}, {@code MpSolverBackend}) solves the same instance of this class, and
 * {@link LpFormat} writes it, so that what is solved is what is exported.
 *
 * <p>Built by one thread, then only read: not thread-safe while being built. Names must be unique among
 * variables and among rows.
 */
public final class MipModel {

    /** A decision variable. {@code index} is its position in {@link #variables()}. */
    public record Var(int index, String name, double lb, double ub, boolean integer) {
        /** An integer variable in [0, 1]. */
        public boolean binary() {
            return integer && lb == 0 && ub == 1;
        }
    }

    /** A row {@code lo <= sum(coefs[i] * vars[i]) <= hi}; infinite bounds are open sides. */
    public record Row(int index, String name, double lo, double hi, int[] vars, double[] coefs) {
        public int size() {
            return vars.length;
        }
    }

    /** Accumulates the terms of a row or of the objective; repeated variables are summed. */
    public static final class Expr {
        private final Map<Integer, Double> terms = new LinkedHashMap<>();

        public Expr add(Var var, double coef) {
            if (coef != 0) {
                terms.merge(var.index(), coef, Double::sum);
            }
            return this;
        }

        /** Adds {@code factor} times another expression. */
        public Expr addAll(Expr other, double factor) {
            other.terms.forEach((var, coef) -> {
                if (coef * factor != 0) {
                    terms.merge(var, coef * factor, Double::sum);
                }
            });
            return this;
        }

        public boolean isEmpty() {
            return terms.isEmpty();
        }

        /** The value of the expression at a point (variable index to value). */
        public double valueAt(double[] values) {
            double sum = 0;
            for (Map.Entry<Integer, Double> t : terms.entrySet()) {
                sum += t.getValue() * values[t.getKey()];
            }
            return sum;
        }
    }

    private final String name;
    private final List<Var> variables = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Var> variablesByName = new HashMap<>();
    private final Map<String, Row> rowsByName = new HashMap<>();
    private double[] objective = new double[16];
    private double objectiveConstant;
    /** What a unit of each variable adds to the plan's capex and power, for budget rows (see {@link #addTotals}). */
    private double[] capexUsd = new double[16];
    private double[] powerW = new double[16];
    private double capexConstantUsd;
    private double powerConstantW;
    private final Map<Integer, Double> hint = new LinkedHashMap<>();

    public MipModel(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Adds a variable; integer bounds are rounded inwards. */
    public Var addVar(String varName, double lb, double ub, boolean integer) {
        if (variablesByName.containsKey(varName)) {
            throw new IllegalArgumentException("duplicate variable name " + varName);
        }
        double l = integer ? Math.ceil(lb - 1e-9) : lb;
        double u = integer ? Math.floor(ub + 1e-9) : ub;
        Var v = new Var(variables.size(), varName, l, u, integer);
        variables.add(v);
        variablesByName.put(varName, v);
        if (objective.length < variables.size()) {
            objective = Arrays.copyOf(objective, objective.length * 2);
            capexUsd = Arrays.copyOf(capexUsd, objective.length);
            powerW = Arrays.copyOf(powerW, objective.length);
        }
        return v;
    }

    public Var addBinary(String varName) {
        return addVar(varName, 0, 1, true);
    }

    public Var addInteger(String varName, long lb, long ub) {
        return addVar(varName, lb, ub, true);
    }

    /** Adds the row {@code lo <= expr <= hi}. */
    public Row addRow(String rowName, double lo, Expr expr, double hi) {
        if (rowsByName.containsKey(rowName)) {
            throw new IllegalArgumentException("duplicate row name " + rowName);
        }
        int[] vars = new int[expr.terms.size()];
        double[] coefs = new double[vars.length];
        int i = 0;
        for (Map.Entry<Integer, Double> t : expr.terms.entrySet()) {
            vars[i] = t.getKey();
            coefs[i++] = t.getValue();
        }
        Row row = new Row(rows.size(), rowName, lo, hi, vars, coefs);
        rows.add(row);
        rowsByName.put(rowName, row);
        return row;
    }

    public Row addLessOrEqual(String rowName, Expr expr, double hi) {
        return addRow(rowName, Double.NEGATIVE_INFINITY, expr, hi);
    }

    public Row addEquality(String rowName, Expr expr, double rhs) {
        return addRow(rowName, rhs, expr, rhs);
    }

    /** Adds {@code coef} to the objective coefficient of the variable. */
    public void addObjective(Var var, double coef) {
        objective[var.index()] += coef;
    }

    public void addObjectiveConstant(double value) {
        objectiveConstant += value;
    }

    /**
     * Records what one unit of the variable adds to the plan's capex and network power, whatever the objective
     * weighs: the totals that {@link #addBudgetRows} limits. Formulations record every term they put in the
     * objective, so that the totals equal what the plan evaluator computes.
     */
    public void addTotals(Var var, double capex, double power) {
        capexUsd[var.index()] += capex;
        powerW[var.index()] += power;
    }

    /** Capex and power that every plan has (fixed switches, classes of one state). */
    public void addTotalsConstant(double capex, double power) {
        capexConstantUsd += capex;
        powerConstantW += power;
    }

    /**
     * Adds the rows {@code budget[capex_usd]}, {@code budget[power_w]} and {@code budget[tco_usd]} for the budgets
     * that are finite; TCO is capex plus {@code energyUsdPerWatt} per watt.
     */
    public void addBudgetRows(io.fabricplan.api.Budgets budgets, double energyUsdPerWatt) {
        if (budgets.capexUsd() < Double.POSITIVE_INFINITY) {
            addLessOrEqual("budget[capex_usd]", totals(1, 0), budgets.capexUsd() - capexConstantUsd);
        }
        if (budgets.powerW() < Double.POSITIVE_INFINITY) {
            addLessOrEqual("budget[power_w]", totals(0, 1), budgets.powerW() - powerConstantW);
        }
        if (budgets.tcoUsd() < Double.POSITIVE_INFINITY) {
            addLessOrEqual("budget[tco_usd]", totals(1, energyUsdPerWatt),
                    budgets.tcoUsd() - capexConstantUsd - energyUsdPerWatt * powerConstantW);
        }
    }

    private Expr totals(double capexFactor, double powerFactor) {
        Expr expr = new Expr();
        for (Var v : variables) {
            expr.add(v, capexFactor * capexUsd[v.index()] + powerFactor * powerW[v.index()]);
        }
        return expr;
    }

    /** The capex of an assignment of every variable, by the recorded totals. */
    public double capexValue(double[] values) {
        double sum = capexConstantUsd;
        for (int i = 0; i < variables.size(); i++) {
            sum += capexUsd[i] * values[i];
        }
        return sum;
    }

    /** The network power of an assignment of every variable, by the recorded totals. */
    public double powerValue(double[] values) {
        double sum = powerConstantW;
        for (int i = 0; i < variables.size(); i++) {
            sum += powerW[i] * values[i];
        }
        return sum;
    }

    /**
     * Integer variables whose sum is fixed ({@code sum vars = total}, a row of the model already): the states the
     * members of a class or a switch take, the decisions the rest of a plan follows. Primal heuristics round
     * them ({@link LpRelaxation}'s dive).
     */
    public record StateGroup(String name, List<Var> vars, long total) {
        public StateGroup {
            vars = List.copyOf(vars);
        }
    }

    private final List<StateGroup> stateGroups = new ArrayList<>();

    /** Declares a state group (see {@link StateGroup}). */
    public void addStateGroup(String groupName, List<Var> vars, long total) {
        stateGroups.add(new StateGroup(groupName, vars, total));
    }

    public List<StateGroup> stateGroups() {
        return Collections.unmodifiableList(stateGroups);
    }

    /** Suggests a value for a variable (a warm start); backends may ignore it. */
    public void hint(Var var, double value) {
        hint.put(var.index(), value);
    }

    public void clearHint() {
        hint.clear();
    }

    public List<Var> variables() {
        return Collections.unmodifiableList(variables);
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public Var variable(String varName) {
        return variablesByName.get(varName);
    }

    public Row row(String rowName) {
        return rowsByName.get(rowName);
    }

    public double objectiveCoefficient(Var var) {
        return objective[var.index()];
    }

    public double objectiveConstant() {
        return objectiveConstant;
    }

    /** The hint as variable index to value; empty when none. */
    public Map<Integer, Double> hint() {
        return Collections.unmodifiableMap(hint);
    }

    /** The objective of an assignment of every variable. */
    public double objectiveValue(double[] values) {
        double sum = objectiveConstant;
        for (int i = 0; i < variables.size(); i++) {
            sum += objective[i] * values[i];
        }
        return sum;
    }

    public int numVariables() {
        return variables.size();
    }

    public int numRows() {
        return rows.size();
    }
}
