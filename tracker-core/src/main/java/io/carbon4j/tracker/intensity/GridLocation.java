package io.carbon4j.tracker.intensity;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the energy is drawn, as the user described it: a country, a sub-national region or grid zone, and/or a
 * cloud provider and region. Any part may be absent; {@link #none()} means the user gave no location.
 *
 * @param country       ISO 3166-1 alpha-2 or alpha-3 code as given, or {@code null}
 * @param region        sub-national region or grid zone code ({@code US-CA}, {@code CA-QC}), or {@code null}
 * @param cloudProvider {@code aws}, {@code gcp}, {@code azure}, or {@code null}
 * @param cloudRegion   the provider's region name, or {@code null}
 * @since 0.1.0
 */
public record GridLocation(String country, String region, String cloudProvider, String cloudRegion) {

    /** Normalises blank parts to {@code null} and trims the rest. */
    public GridLocation {
        country = clean(country);
        region = clean(region);
        cloudProvider = clean(cloudProvider);
        cloudProvider = cloudProvider == null ? null : cloudProvider.toLowerCase(Locale.ROOT);
        cloudRegion = clean(cloudRegion);
    }

    /** No location: the world average applies. */
    public static GridLocation none() {
        return new GridLocation(null, null, null, null);
    }

    /** A country by ISO 3166-1 alpha-2 or alpha-3 code. */
    public static GridLocation country(String code) {
        return new GridLocation(code, null, null, null);
    }

    /** A sub-national region or grid zone, e.g. {@code US-CA}. */
    public static GridLocation region(String code) {
        return new GridLocation(null, code, null, null);
    }

    /** A cloud provider and region, e.g. {@code aws}, {@code us-east-1}. */
    public static GridLocation cloud(String provider, String region) {
        return new GridLocation(null, null, provider, region);
    }

    /** Whether the user gave no location at all. */
    public boolean isEmpty() {
        return country == null && region == null && cloudProvider == null && cloudRegion == null;
    }

    /** The country, if given. */
    public Optional<String> countryCode() {
        return Optional.ofNullable(country);
    }

    /** The region, if given. */
    public Optional<String> regionCode() {
        return Optional.ofNullable(region);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
