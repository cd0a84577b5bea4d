package io.fabricplan.validate;

/**
 * One problem of an instance, located the way a planner finds it: {@code Links!E14} for a workbook,
 * {@code Links[l3].gbps} for an instance built in Java.
 *
 * @param where   sheet and cell (or record and field)
 * @param message what is wrong, naming the values
 * @param hint    what to do about it, or null
 */
public record InputProblem(String where, String message, String hint) {

    /** {@code where: message} and, with a hint, a second line {@code   Maybe ...}. */
    public String describe() {
        return where + ": " + message + (hint == null ? "" : System.lineSeparator() + "  Maybe " + hint);
    }

    @Override
    public String toString() {
        return describe();
    }
}
