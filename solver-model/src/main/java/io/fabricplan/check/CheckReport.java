package io.fabricplan.check;

import io.fabricplan.model.PlanEvaluation;
import java.util.List;

/**
 * What the checker found: every violation, the plan's figures as recomputed from the instance, and notes on what
 * is allowed but worth a look (a twin-port module serving one link only: bought whole, half of it idle).
 */
public record CheckReport(List<Violation> violations, PlanEvaluation evaluation, List<String> notes) {
    public CheckReport {
        violations = List.copyOf(violations);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public CheckReport(List<Violation> violations, PlanEvaluation evaluation) {
        this(violations, evaluation, notes(evaluation));
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** A note per device whose pooled units leave ports idle, with the units counted whole. */
    static List<String> notes(PlanEvaluation evaluation) {
        if (evaluation == null) {
            return List.of();
        }
        return evaluation.pooled().stream().filter(p -> p.idlePorts() > 0).map(p -> p.opticId() + " at "
                + p.deviceId() + ": " + p.links() + " link" + (p.links() == 1 ? "" : "s") + " on " + p.units() + " unit"
                + (p.units() == 1 ? "" : "s") + " of " + p.breakout() + " ports, " + p.idlePorts() + " port"
                + (p.idlePorts() == 1 ? "" : "s") + " idle (the unit is bought and powered whole)").toList();
    }
}
