package io.carbon4j.tracker.internal.estimate;

/**
 * P(u) = max x (idle + (1 - idle) x u) for a CPU busy fraction u in [0, 1]: Fan, Weber and Barroso's linear server
 * power model, with the idle fraction from SPECpower results as Cloud Carbon Footprint uses them.
 *
 * <p>Because P is linear in u, the energy over a run equals the sum of P(mean load of each interval) x interval,
 * whatever the sampling interval: a non-linear curve such as CodeCarbon's cubic would make the result depend on it.
 */
record LinearPowerModel(double maxWatts, double idleFraction) {

    LinearPowerModel {
        if (!(maxWatts >= 0) || Double.isInfinite(maxWatts)) {
            throw new IllegalArgumentException("maxWatts must be finite and >= 0: " + maxWatts);
        }
        if (!(idleFraction >= 0 && idleFraction <= 1)) {
            throw new IllegalArgumentException("idleFraction must be in [0, 1]: " + idleFraction);
        }
    }

    double watts(double load) {
        double u = load < 0 ? 0 : Math.min(1, load);
        return maxWatts * (idleFraction + (1 - idleFraction) * u);
    }
}
