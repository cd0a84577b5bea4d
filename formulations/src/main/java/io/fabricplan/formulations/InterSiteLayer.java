package io.fabricplan.formulations;

import io.fabricplan.model.DwdmPlan;
import io.fabricplan.model.Instance;
import io.fabricplan.model.Link;
import io.fabricplan.model.LinkAssignment;
import io.fabricplan.model.LinkEnd;
import io.fabricplan.model.Optic;
import io.fabricplan.model.Plan;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The part of the model that carries cables between sites over the spans (routes, fiber pairs, DWDM channels,
 * MUX/DEMUX and amplifiers), added to the fabric model so that both are solved as one MIP. The fabric model
 * decides how many cables of each optic join each pair of sites; the layer decides how they cross the spans and
 * what line equipment that takes, and adds the equipment's price and power to the same objective.
 *
 * <p>Module {@code dwdm-planner} provides the implementation, found with {@link ServiceLoader}; without it on the
 * class path the planner answers INVALID for instances whose links cross spans.
 */
public interface InterSiteLayer {

    /**
     * Cables of one optic between two sites, as the fabric model counts them.
     *
     * @param aSite     the lower site id of the pair (pairs are unordered)
     * @param bSite     the higher one
     * @param optic     the optic at both ends of these cables
     * @param cables    the fabric model's expression of their number
     * @param maxCables an upper bound on that number
     */
    record Demand(String aSite, String bSite, Optic optic, MipModel.Expr cables, long maxCables) {
    }

    /** The model's part of one build; decodes solutions. */
    interface Built {
        /**
         * How the cables of the fabric plan's links between sites cross the spans in the solution.
         *
         * @param values      solution values in model variable order
         * @param fabricPlan  the fabric part of the same solution (devices placed, optics per link)
         */
        DwdmPlan decode(double[] values, Plan fabricPlan);

        /** {@link #decode(double[], Plan)} keeping any search it makes (channels) within {@code secondsLeft}. */
        default DwdmPlan decode(double[] values, Plan fabricPlan, double secondsLeft) {
            return decode(values, fabricPlan);
        }

        /** Seconds the layer's decoding needs kept back from the search; 0 when decoding is instant. */
        default double decodeReserveSeconds() {
            return 0;
        }

        /**
         * Site pairs between which no option at all can carry a cable (no grey optic reaches any route, no
         * coherent optic meets its budget on any), each with why; empty when every pair has some way across.
         */
        default List<String> unservable() {
            return List.of();
        }

        /** Site pairs {@code "a|b"} (a &lt; b) some grey option can join but no coherent optic can. */
        default java.util.Set<String> greyOnlyPairs() {
            return java.util.Set.of();
        }

        /** What the solve should know about how the layer was built (limits it hit), for the result's notes. */
        default List<String> notes() {
            return List.of();
        }

        /**
         * Writes the layer's variable values for the plan's DWDM part into {@code values} (model order), for a
         * warm start; false when the plan lies outside the layer's model (then nothing is hinted).
         */
        default boolean hint(Plan plan, double[] values) {
            return false;
        }
    }

    /**
     * A link whose cables cross the spans, with its ends as the rule of thumb has them.
     *
     * @param link  the Links row
     * @param aEnd  its a-device's end (model or NIC)
     * @param bEnd  its b-device's end
     * @param aSite the a-device's site
     * @param bSite the b-device's site
     */
    record Crossing(Link link, LinkEnd aEnd, LinkEnd bEnd, String aSite, String bSite) {
    }

    /**
     * What the rule of thumb does with the links between sites: the optics of their cables and how they cross.
     *
     * @param links one assignment per link and optic
     * @param dwdm  routes, channels and line equipment
     */
    record RuleOfThumb(List<LinkAssignment> links, DwdmPlan dwdm) {
    }

    /**
     * The rule of thumb between sites, as a planner does it by hand (the greedy baseline's part over spans);
     * null when it cannot carry every cable.
     */
    default RuleOfThumb ruleOfThumb(Instance instance, List<Crossing> crossings) {
        return null;
    }

    /** The name the statistics report, appended to the fabric formulation's. */
    String name();

    /**
     * Adds the layer's variables, constraint families and objective terms to the model.
     *
     * @param model        the fabric model to extend
     * @param instance     the instance being solved (validated)
     * @param demands      every (site pair, optic) the fabric model may put cables on
     * @param capexWeight  objective weight of a USD of capex
     * @param powerWeight  objective weight of a W of power
     */
    Built build(MipModel model, Instance instance, List<Demand> demands, double capexWeight, double powerWeight);

    /**
     * The layer on the class path (the thread's context class loader's, as {@link ServiceLoader#load(Class)}
     * looks), if any: a new instance on each call, as before. Which provider class a class loader has is looked up
     * once per loader ({@link Providers}): the lookup reads every jar's {@code META-INF/services}, about 0.3 ms
     * with the command-line tool's 45 jars, which every solve paid.
     */
    static Optional<InterSiteLayer> find() {
        return Providers.create(Thread.currentThread().getContextClassLoader());
    }

    /**
     * The name of the first provider class of each class loader asked, kept weakly (a dropped loader is forgotten;
     * the name, unlike the class, does not hold its loader).
     */
    final class Providers {
        private static final java.util.Map<ClassLoader, Optional<String>> BY_LOADER = new java.util.WeakHashMap<>();

        private Providers() {
        }

        /** A new instance of the loader's first provider (null: the system class loader's), if it has one. */
        static Optional<InterSiteLayer> create(ClassLoader loader) {
            ClassLoader l = loader != null ? loader : ClassLoader.getSystemClassLoader();
            Optional<String> name;
            synchronized (BY_LOADER) {
                name = BY_LOADER.get(l);
                if (name == null) {
                    Optional<InterSiteLayer> first = ServiceLoader.load(InterSiteLayer.class, l).findFirst();
                    BY_LOADER.put(l, first.map(layer -> layer.getClass().getName()));
                    return first;
                }
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Class.forName(name.get(), true, l).asSubclass(InterSiteLayer.class)
                        .getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the inter-site layer " + name.get() + " could not be created", e);
            }
        }
    }
}
