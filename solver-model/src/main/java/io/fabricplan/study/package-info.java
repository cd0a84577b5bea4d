/**
 * The records of a trade-off study: scenarios as overrides of an instance ({@link OverrideTarget},
 * {@link OverrideValue}, {@link Scenario}), what each scenario's solve gave ({@link ScenarioResult}) and a Pareto front of two totals
 * ({@link FrontPoint}, {@link FrontReport}). Module {@code studies} runs them; module {@code io-excel} reads the
 * Scenarios sheet and writes the results workbooks.
 */
package io.fabricplan.study;
