package io.carbon4j.tracker.internal.estimate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU model's full-load power and how it was derived, in words for the results.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>A TDP row ({@link MatchQuality#EXACT} or {@link MatchQuality#TOKEN}): TDP x sockets.</li>
 *   <li>On a virtual machine the TDP of a whole socket is not the guest's. When the name states the core count
 *       ("64-Core"), the guest gets TDP x its logical CPUs / (2 x cores) (two threads per core), at most TDP x
 *       sockets. Otherwise the figure is capped at the per-thread figure below.</li>
 *   <li>No row ({@link MatchQuality#FAMILY} or {@link MatchQuality#NONE}): {@value #WATTS_PER_THREAD} W per
 *       logical CPU, never multiplied by sockets (the thread count already spans them).</li>
 * </ul>
 *
 * @param maxWatts    modelled power at 100 % CPU load
 * @param description the method string shown in the results
 * @param attributes  facts for the channel's attributes
 */
record CpuPowerPlan(double maxWatts, String description, Map<String, String> attributes) {

    /**
     * Per logical CPU at full load: Cloud Carbon Footprint's average maximum watts per vCPU for AWS
     * ({@code MAX_WATTS_AVG}), derived from SPECpower_ssj2008 results.
     */
    static final double WATTS_PER_THREAD = 3.5;
    /**
     * Idle power as a fraction of full-load power: Cloud Carbon Footprint's AWS averages, 0.74 W / 3.5 W per vCPU
     * ({@code MIN_WATTS_AVG} / {@code MAX_WATTS_AVG}), from SPECpower_ssj2008 results.
     */
    static final double IDLE_FRACTION = 0.74 / 3.5;

    static CpuPowerPlan of(CpuFacts facts, TdpMatch match) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("model", facts.modelName());
        attributes.put("match", match.quality().key());
        attributes.put("sockets", Integer.toString(facts.sockets()));
        attributes.put("logical_cpus", Integer.toString(facts.logicalCpus()));
        double perThread = WATTS_PER_THREAD * facts.logicalCpus();
        String threads = facts.logicalCpus() + (facts.logicalCpus() == 1 ? " thread" : " threads");
        StringBuilder d = new StringBuilder("estimated (");
        double max;
        if (match.hasTdp()) {
            attributes.put("tdp_row", match.row());
            attributes.put("tdp_watts", watts(match.tdpWatts()));
            double full = match.tdpWatts() * facts.sockets();
            String sockets = facts.sockets() + (facts.sockets() == 1 ? " socket" : " sockets");
            d.append("TDP model, ").append(match.quality().key()).append(" match '").append(match.row()).append("'");
            if (match.candidates() > 1) {
                d.append(" (first of ").append(match.candidates()).append(" tied rows)");
            }
            d.append(", ").append(watts(match.tdpWatts())).append(" W");
            int cores = CpuNames.statedCores(facts.modelName());
            if (facts.virtualised() && cores > 0) {
                double share = Math.min(facts.sockets(), facts.logicalCpus() / (2.0 * cores));
                max = match.tdpWatts() * share;
                d.append(" x ").append(facts.logicalCpus()).append(" of ").append(2 * cores)
                        .append(" threads (virtual machine)");
            } else if (facts.virtualised() && perThread < full) {
                max = perThread;
                d.append(" x ").append(sockets).append(", capped at ").append(watts(WATTS_PER_THREAD))
                        .append(" W x ").append(threads).append(" (virtual machine)");
            } else {
                max = full;
                d.append(" x ").append(sockets);
            }
        } else {
            max = perThread;
            if (match.quality() == MatchQuality.FAMILY) {
                d.append("per-thread model, no TDP row for '").append(facts.modelName()).append("' (family match '")
                        .append(match.row()).append("')");
            } else {
                d.append("per-thread model, CPU model '")
                        .append(facts.modelName().isEmpty() ? "unknown" : facts.modelName())
                        .append("' not in the TDP table");
            }
            d.append(", ").append(watts(WATTS_PER_THREAD)).append(" W x ").append(threads);
        }
        attributes.put("max_watts", watts(max));
        d.append(" = ").append(watts(max)).append(" W at full load, ")
                .append(String.format(Locale.ROOT, "%.0f", IDLE_FRACTION * 100))
                .append(" % of it at idle, linear in machine CPU load)");
        return new CpuPowerPlan(max, d.toString(), attributes);
    }

    /** Watts without needless decimals: 65, 8.75, 7. */
    static String watts(double w) {
        String s = String.format(Locale.ROOT, "%.3f", w);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }
}
