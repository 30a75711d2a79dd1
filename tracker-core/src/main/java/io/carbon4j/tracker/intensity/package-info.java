/**
 * Carbon intensity of electricity: the value used to turn energy into emissions, and where it came from.
 *
 * <p>{@link io.carbon4j.tracker.intensity.CarbonIntensityTable} looks up the bundled offline tables by country,
 * sub-national region or grid zone, and cloud region; a live provider plugs in through
 * {@link io.carbon4j.tracker.spi.CarbonIntensityProvider}.
 */
package io.carbon4j.tracker.intensity;
