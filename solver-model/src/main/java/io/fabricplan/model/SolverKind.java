package io.fabricplan.model;

/** Which optimisation engine solves the model. AUTO lets the planner choose (CP-SAT today). */
public enum SolverKind { AUTO, CP_SAT, SCIP, HIGHS }
