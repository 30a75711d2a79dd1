package io.carbon4j.tracker.intensity;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A carbon intensity of electricity and where it came from: the value in gCO2eq/kWh, the dataset, the row, the
 * year, and the fallback path taken to reach it ("region US-XX not found, used country US"), or that the user
 * forced it.
 *
 * <p>Also carries the place the row describes (ISO-3 country code and name, region, cloud provider and region),
 * which the CSV output needs for CodeCarbon's location columns.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 *
 * @since 0.1.0
 */
public final class CarbonIntensity {

    private final double gramsPerKwh;
    private final OptionalInt year;
    private final String dataset;
    private final String rowKey;
    private final String fallbackPath;
    private final boolean forced;
    private final String countryIsoCode;
    private final String countryName;
    private final String region;
    private final String cloudProvider;
    private final String cloudRegion;

    private CarbonIntensity(Builder b) {
        if (!(b.gramsPerKwh >= 0) || Double.isInfinite(b.gramsPerKwh)) {
            throw new IllegalArgumentException("gramsPerKwh must be a finite number >= 0: " + b.gramsPerKwh);
        }
        this.gramsPerKwh = b.gramsPerKwh;
        this.year = b.year;
        this.dataset = Objects.requireNonNull(b.dataset, "dataset");
        this.rowKey = Objects.requireNonNull(b.rowKey, "rowKey");
        this.fallbackPath = Objects.requireNonNull(b.fallbackPath, "fallbackPath");
        this.forced = b.forced;
        this.countryIsoCode = Objects.requireNonNull(b.countryIsoCode, "countryIsoCode");
        this.countryName = Objects.requireNonNull(b.countryName, "countryName");
        this.region = Objects.requireNonNull(b.region, "region");
        this.cloudProvider = Objects.requireNonNull(b.cloudProvider, "cloudProvider");
        this.cloudRegion = Objects.requireNonNull(b.cloudRegion, "cloudRegion");
    }

    /** A value forced by the user ({@code carbon.intensity}); its dataset reads {@code forced}. */
    public static CarbonIntensity forced(double gramsPerKwh) {
        return builder(gramsPerKwh).dataset("forced").rowKey("carbon.intensity").forced(true).build();
    }

    /** A builder for a looked-up value. */
    public static Builder builder(double gramsPerKwh) {
        return new Builder(gramsPerKwh);
    }

    /** A copy with another location description (used when a forced value is combined with a given place). */
    public Builder toBuilder() {
        return new Builder(gramsPerKwh)
                .year(year)
                .dataset(dataset)
                .rowKey(rowKey)
                .fallbackPath(fallbackPath)
                .forced(forced)
                .countryIsoCode(countryIsoCode)
                .countryName(countryName)
                .region(region)
                .cloud(cloudProvider, cloudRegion);
    }

    /** The intensity in grams CO2-equivalent per kWh. */
    public double gramsPerKwh() {
        return gramsPerKwh;
    }

    /** The same in kg CO2-equivalent per kWh. */
    public double kgPerKwh() {
        return gramsPerKwh / 1000.0;
    }

    /** The data year of the row, when known. */
    public OptionalInt year() {
        return year;
    }

    /** The dataset the value came from (e.g. {@code Ember yearly electricity data}), or {@code forced}. */
    public String dataset() {
        return dataset;
    }

    /** The key of the row used (e.g. {@code FRA}, {@code US-CA}, {@code aws/us-east-1}). */
    public String rowKey() {
        return rowKey;
    }

    /** The fallback path taken, e.g. {@code region US-XX not found, used country US}; empty when direct. */
    public String fallbackPath() {
        return fallbackPath;
    }

    /** Whether the value was forced by the user rather than looked up. */
    public boolean isForced() {
        return forced;
    }

    /** ISO 3166-1 alpha-3 code of the country, or empty. */
    public String countryIsoCode() {
        return countryIsoCode;
    }

    /** The country's name, or empty. */
    public String countryName() {
        return countryName;
    }

    /** The sub-national region or grid zone, or empty. */
    public String region() {
        return region;
    }

    /** The cloud provider, or empty. */
    public String cloudProvider() {
        return cloudProvider;
    }

    /** The cloud region, or empty. */
    public String cloudRegion() {
        return cloudRegion;
    }

    /** A one-line description: {@code 56.0 gCO2eq/kWh (FRA, Ember yearly electricity data 2024)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%.1f gCO2eq/kWh (", gramsPerKwh));
        if (forced) {
            sb.append("forced by carbon4j.carbon.intensity");
        } else {
            sb.append(rowKey).append(", ").append(dataset);
            year.ifPresent(y -> sb.append(' ').append(y));
        }
        sb.append(')');
        if (!fallbackPath.isEmpty()) {
            sb.append("; ").append(fallbackPath);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CarbonIntensity)) {
            return false;
        }
        CarbonIntensity that = (CarbonIntensity) o;
        return Double.compare(gramsPerKwh, that.gramsPerKwh) == 0
                && forced == that.forced
                && year.equals(that.year)
                && dataset.equals(that.dataset)
                && rowKey.equals(that.rowKey)
                && fallbackPath.equals(that.fallbackPath)
                && countryIsoCode.equals(that.countryIsoCode)
                && countryName.equals(that.countryName)
                && region.equals(that.region)
                && cloudProvider.equals(that.cloudProvider)
                && cloudRegion.equals(that.cloudRegion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gramsPerKwh, year, dataset, rowKey, fallbackPath, forced, countryIsoCode, region);
    }

    /**
     * Builds a {@link CarbonIntensity}. Every text field defaults to empty.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe.
     */
    public static final class Builder {
        private final double gramsPerKwh;
        private OptionalInt year = OptionalInt.empty();
        private String dataset = "";
        private String rowKey = "";
        private String fallbackPath = "";
        private boolean forced;
        private String countryIsoCode = "";
        private String countryName = "";
        private String region = "";
        private String cloudProvider = "";
        private String cloudRegion = "";

        Builder(double gramsPerKwh) {
            this.gramsPerKwh = gramsPerKwh;
        }

        /** The data year. */
        public Builder year(int value) {
            this.year = OptionalInt.of(value);
            return this;
        }

        /** The data year, if known. */
        public Builder year(OptionalInt value) {
            this.year = Objects.requireNonNull(value, "year");
            return this;
        }

        /** The dataset name. */
        public Builder dataset(String value) {
            this.dataset = Objects.requireNonNull(value, "dataset");
            return this;
        }

        /** The row key. */
        public Builder rowKey(String value) {
            this.rowKey = Objects.requireNonNull(value, "rowKey");
            return this;
        }

        /** The fallback path, empty when the row matched directly. */
        public Builder fallbackPath(String value) {
            this.fallbackPath = Objects.requireNonNull(value, "fallbackPath");
            return this;
        }

        /** Whether the value is forced. */
        public Builder forced(boolean value) {
            this.forced = value;
            return this;
        }

        /** ISO 3166-1 alpha-3 country code. */
        public Builder countryIsoCode(String value) {
            this.countryIsoCode = Objects.requireNonNull(value, "countryIsoCode");
            return this;
        }

        /** Country name. */
        public Builder countryName(String value) {
            this.countryName = Objects.requireNonNull(value, "countryName");
            return this;
        }

        /** Sub-national region or grid zone. */
        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /** Cloud provider and region. */
        public Builder cloud(String provider, String cloudRegionName) {
            this.cloudProvider = Objects.requireNonNull(provider, "provider");
            this.cloudRegion = Objects.requireNonNull(cloudRegionName, "cloudRegion");
            return this;
        }

        /** Builds the value. */
        public CarbonIntensity build() {
            return new CarbonIntensity(this);
        }
    }
}
