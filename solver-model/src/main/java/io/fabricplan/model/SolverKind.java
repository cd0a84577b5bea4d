package io.fabricplan.model;

/**
 * Which optimisation engine solves the model. AUTO lets the planner choose: CP-SAT, or Choco when the OR-Tools
 * native libraries cannot be loaded. CHOCO is Choco Solver, pure Java (no native code).
 */
public enum SolverKind { AUTO, CP_SAT, SCIP, HIGHS, CHOCO }
