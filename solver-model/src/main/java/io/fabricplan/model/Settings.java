package io.fabricplan.model;

import java.util.Objects;

/**
 * Instance-wide settings (the {@code Settings} sheet). Every field has the documented default, see
 * {@link #defaults()}.
 *
 * @param objective        what the plan minimises
 * @param energyUsdPerKwh  electricity price
 * @param pue              power usage effectiveness applied to network power in TCO
 * @param years            TCO horizon
 * @param usdPerWatt       weight of one watt for the WEIGHTED objective
 * @param timeLimitS       solver time limit in seconds
 * @param relativeGap      relative optimality gap at which the solver may stop
 * @param solver           which engine solves
 * @param threads          solver threads, 0 = all cores
 * @param seed             random seed of the solver
 * @param intraRackM       cable length between two devices in the same rack
 * @param interRackSlackM  slack added to the Manhattan distance between racks of a site
 * @param osnrMarginDb     DWDM: system margin added to every optic's required OSNR
 * @param gridStartThz     DWDM: frequency of channel 0; channel n is at {@code grid_start_thz + n x spacing}
 *                         (see {@link OpticalRules#channelFrequencyThz})
 * @param maxChannels      DWDM: channels of the grid; 0 derives them from the C band,
 *                         {@code floor((196.1 - grid_start_thz) / spacing)}
 * @param switchSwapUsd    labour per installed switch replaced by another model
 * @param recableUsd       labour per optic unit (module or cable assembly) taken from the Inventory: removal
 *                         and re-cabling
 */
public record Settings(
        Objective objective,
        double energyUsdPerKwh,
        double pue,
        double years,
        double usdPerWatt,
        double timeLimitS,
        double relativeGap,
        SolverKind solver,
        int threads,
        long seed,
        double intraRackM,
        double interRackSlackM,
        double osnrMarginDb,
        double gridStartThz,
        int maxChannels,
        double switchSwapUsd,
        double recableUsd) {

    public static final double DEFAULT_OSNR_MARGIN_DB = 2.0;
    public static final double DEFAULT_GRID_START_THZ = 191.3;

    public static final double HOURS_PER_YEAR = 8760.0;

    public Settings {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(solver, "solver");
    }

    /** Settings without labour figures (switch swap and re-cabling at 0). */
    public Settings(Objective objective, double energyUsdPerKwh, double pue, double years, double usdPerWatt,
                    double timeLimitS, double relativeGap, SolverKind solver, int threads, long seed,
                    double intraRackM, double interRackSlackM, double osnrMarginDb, double gridStartThz,
                    int maxChannels) {
        this(objective, energyUsdPerKwh, pue, years, usdPerWatt, timeLimitS, relativeGap, solver, threads, seed,
                intraRackM, interRackSlackM, osnrMarginDb, gridStartThz, maxChannels, 0, 0);
    }

    /** Settings with the DWDM defaults (margin 2 dB, grid from 191.3 THz, channels derived). */
    public Settings(Objective objective, double energyUsdPerKwh, double pue, double years, double usdPerWatt,
                    double timeLimitS, double relativeGap, SolverKind solver, int threads, long seed,
                    double intraRackM, double interRackSlackM) {
        this(objective, energyUsdPerKwh, pue, years, usdPerWatt, timeLimitS, relativeGap, solver, threads, seed,
                intraRackM, interRackSlackM, DEFAULT_OSNR_MARGIN_DB, DEFAULT_GRID_START_THZ, 0);
    }

    /** The defaults documented for the Settings sheet. */
    public static Settings defaults() {
        return new Settings(Objective.TCO, 0.10, 1.3, 5, 0.0, 60, 1e-4, SolverKind.AUTO, 0, 0, 1.5, 4,
                DEFAULT_OSNR_MARGIN_DB, DEFAULT_GRID_START_THZ, 0);
    }

    public Settings withDwdm(double osnrMargin, double gridStart, int channels) {
        return new Settings(objective, energyUsdPerKwh, pue, years, usdPerWatt, timeLimitS, relativeGap, solver,
                threads, seed, intraRackM, interRackSlackM, osnrMargin, gridStart, channels, switchSwapUsd, recableUsd);
    }

    /** USD of energy over the TCO horizon for one watt drawn all the time, PUE included. */
    public double energyUsdPerWatt() {
        return pue * HOURS_PER_YEAR * years * energyUsdPerKwh / 1000.0;
    }

    /** USD that one watt adds to the objective (0 for COST, 1 is not used for POWER). */
    public double objectiveUsdPerWatt() {
        return switch (objective) {
            case COST, POWER -> 0.0;
            case TCO -> energyUsdPerWatt();
            case WEIGHTED -> usdPerWatt;
        };
    }

    /** The objective value of a plan with the given capex and power. */
    public double objectiveValue(double capexUsd, double powerW) {
        return switch (objective) {
            case POWER -> powerW;
            case COST -> capexUsd;
            case TCO, WEIGHTED -> capexUsd + objectiveUsdPerWatt() * powerW;
        };
    }

    public Settings withObjective(Objective value) {
        return new Settings(value, energyUsdPerKwh, pue, years, usdPerWatt, timeLimitS, relativeGap, solver,
                threads, seed, intraRackM, interRackSlackM, osnrMarginDb, gridStartThz, maxChannels, switchSwapUsd,
                recableUsd);
    }

    /** The same settings with the given labour figures. */
    public Settings withLabour(double swapUsd, double recable) {
        return new Settings(objective, energyUsdPerKwh, pue, years, usdPerWatt, timeLimitS, relativeGap, solver,
                threads, seed, intraRackM, interRackSlackM, osnrMarginDb, gridStartThz, maxChannels, swapUsd, recable);
    }
}
