package io.fabricplan.studies;

import io.fabricplan.model.Device;
import io.fabricplan.model.Instance;
import io.fabricplan.model.InstanceIndex;
import io.fabricplan.model.Optic;
import io.fabricplan.model.OpticKind;
import io.fabricplan.model.Packaging;
import io.fabricplan.model.PlanEvaluation;
import io.fabricplan.study.PlanFigures;
import java.util.Map;
import java.util.TreeMap;

/** The figures a study shows of a plan, from its evaluation on the instance it was solved for. */
public final class Figures {
    private Figures() {
    }

    /**
     * Totals, the least rack headroom, CPO switches by role and cables by optic kind: pluggable modules by their
     * PMD with "LPO" for linear ones (DR, FR, LPO-DR, ...), assemblies and coherent optics by kind (DAC, AOC,
     * COHERENT).
     */
    public static PlanFigures of(Instance instance, PlanEvaluation evaluation) {
        InstanceIndex index = new InstanceIndex(instance);
        Map<String, Integer> cpo = new TreeMap<>();
        for (Device d : instance.devices()) {
            if (d.isSwitch()) {
                cpo.putIfAbsent(d.role().name(), 0);
            }
        }
        for (PlanEvaluation.DeviceRow row : evaluation.devices()) {
            if (row.packaging() == Packaging.CPO) {
                cpo.merge(index.device(row.deviceId()).role().name(), 1, Integer::sum);
            }
        }
        Map<String, Long> cables = new TreeMap<>();
        for (PlanEvaluation.LinkRow row : evaluation.links()) {
            cables.merge(kindOf(index.optic(row.assignment().opticId())), (long) row.assignment().count(), Long::sum);
        }
        double least = evaluation.racks().stream().mapToDouble(r -> r.powerBudgetKw() - r.totalKw()).min()
                .orElse(Double.NaN);
        return new PlanFigures(evaluation.capexUsd(), evaluation.powerW(), evaluation.tcoUsd(),
                evaluation.powerW() / 1000.0, least, cpo, cables);
    }

    private static String kindOf(Optic optic) {
        if (optic.kind() == OpticKind.TRANSCEIVER && optic.pmd() != null) {
            return (optic.lpo() ? "LPO-" : "") + optic.pmd();
        }
        return optic.kind().name();
    }
}
