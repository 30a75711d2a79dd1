package io.carbon4j.tracker.intensity;

import io.carbon4j.tracker.TrackerConfigurationException;

/**
 * The offline carbon-intensity tables bundled with carbon4j. Placeholder until the bundled tables land.
 *
 * @since 0.1.0
 */
public final class CarbonIntensityTable {

    private static final CarbonIntensityTable BUNDLED = new CarbonIntensityTable();

    private CarbonIntensityTable() {}

    /** The bundled tables, loaded lazily on the first lookup. */
    public static CarbonIntensityTable bundled() {
        return BUNDLED;
    }

    /**
     * Looks up the intensity for {@code location}.
     *
     * @throws TrackerConfigurationException for an unknown code, naming it and the closest known codes
     */
    public CarbonIntensity lookup(GridLocation location) {
        throw new TrackerConfigurationException("No carbon-intensity table is bundled yet; set carbon4j.carbon.intensity");
    }
}
