package io.carbon4j.tracker.intensity;

import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The offline carbon-intensity tables bundled with carbon4j, and the lookup of a {@link GridLocation} in them.
 *
 * <h2>Tables</h2>
 * <ul>
 *   <li>{@code grid-zone-intensity.csv}: Electricity Maps yearly averages per grid zone (2025; 205 countries and
 *       147 sub-national zones such as {@code US-CAL-CISO}, {@code CA-QC}, {@code SE-SE3}), ODbL 1.0;</li>
 *   <li>{@code region-intensity.csv}: Green Algorithms sub-national values (US states 2020, Canadian provinces
 *       and Australian states 2019), CC BY 4.0;</li>
 *   <li>{@code country-intensity.csv}: Ember yearly country values (2022 to 2024), CC BY 4.0;</li>
 *   <li>{@code cloud-regions.csv}: AWS, Azure and GCP regions with their grid zone and values;</li>
 *   <li>{@code world-aggregate-intensity.csv}: Ember's 2024 World average, used only when no location is set.</li>
 * </ul>
 *
 * <h2>Lookup order</h2>
 * The most specific part of the location wins; less specific parts are fallbacks and must agree on the country:
 * <ol>
 *   <li>a cloud provider and region: the region's grid zone; for GCP without a zone, Google's published value;
 *       then the sub-national value; then the country value of the row;</li>
 *   <li>a region code: the grid zone with that id, else the sub-national row with that code, else (recorded as a
 *       fallback) the country the region belongs to;</li>
 *   <li>a country code (ISO 3166-1 alpha-2 or alpha-3, any case): the country's grid zone, else its Ember row;</li>
 *   <li>no location at all ({@link GridLocation#none()}): the World average.</li>
 * </ol>
 * An unknown country, cloud provider, or a region or cloud region with no known country to fall back to, is a
 * {@link TrackerConfigurationException} naming the setting, the value, and the closest known codes. See
 * {@code docs/intensity.md}.
 *
 * <h2>Cost</h2>
 * Each table is parsed on the first lookup that needs it, once per table instance; a country lookup reads the
 * grid-zone and country tables only.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class CarbonIntensityTable {

    static final String GRID_ZONES = "grid-zone-intensity.csv";
    static final String REGIONS = "region-intensity.csv";
    static final String COUNTRIES = "country-intensity.csv";
    static final String CLOUD = "cloud-regions.csv";
    static final String WORLD = "world-aggregate-intensity.csv";
    private static final String ROWS = "rows:";

    static final String KEY_COUNTRY = "carbon4j.country";
    static final String KEY_REGION = "carbon4j.region";
    static final String KEY_CLOUD_PROVIDER = "carbon4j.cloud.provider";
    static final String KEY_CLOUD_REGION = "carbon4j.cloud.region";

    private static final List<String> PROVIDERS = List.of("aws", "azure", "gcp");
    /** ISO 3166-1 "exceptionally reserved" codes people use for their country; offered first in suggestions. */
    private static final Map<String, String> RESERVED = Map.of("UK", "GB", "EL", "GR");
    private static final int SUGGESTIONS = 5;

    private static final CarbonIntensityTable BUNDLED = new CarbonIntensityTable(new Resources(), true);
    private static final CarbonIntensityTable PERMISSIVE = new CarbonIntensityTable(new Resources(), false);

    /** Reads one table's text; a seam for tests. */
    interface TableSource {
        byte[] read(String name) throws IOException;
    }

    private final TableSource source;
    private final boolean useGridZones;
    // Plain classes rather than lambdas here: the first lambda in a JVM costs several milliseconds of bootstrap,
    // and this code runs on the tracker's start path.
    private final Lazy<CsvRows> zoneRows;
    private final Lazy<CsvRows> countryRows;
    private final Lazy<Map<String, Zone>> zones;
    private final Lazy<Map<String, Region>> regions;
    private final Lazy<Countries> countries;
    private final Lazy<Map<String, Cloud>> clouds;
    private final Lazy<World> world;

    CarbonIntensityTable(TableSource source, boolean useGridZones) {
        this.source = Objects.requireNonNull(source, "source");
        this.useGridZones = useGridZones;
        this.zoneRows = new Lazy<>(this, ROWS + GRID_ZONES);
        this.countryRows = new Lazy<>(this, ROWS + COUNTRIES);
        this.zones = new Lazy<>(this, GRID_ZONES);
        this.regions = new Lazy<>(this, REGIONS);
        this.countries = new Lazy<>(this, COUNTRIES);
        this.clouds = new Lazy<>(this, CLOUD);
        this.world = new Lazy<>(this, WORLD);
    }

    private Object load(String table) {
        switch (table) {
            case ROWS + GRID_ZONES:
                return table(GRID_ZONES, "zone_id", "zone_name", "country_iso2", "country_iso3", "year",
                        "gco2eq_per_kwh", "source");
            case ROWS + COUNTRIES:
                return table(COUNTRIES, "iso2", "iso3", "country_name", "gco2eq_per_kwh", "year", "source");
            case GRID_ZONES:
                return useGridZones ? loadZones() : Map.of();
            case REGIONS:
                return loadRegions();
            case COUNTRIES:
                return loadCountries();
            case CLOUD:
                return loadClouds();
            default:
                return loadWorld();
        }
    }

    /**
     * The bundled tables, including the Electricity Maps grid zones (ODbL 1.0; see the {@code NOTICE} file).
     * Each table is loaded on the first lookup that needs it.
     */
    public static CarbonIntensityTable bundled() {
        return BUNDLED;
    }

    /**
     * The bundled tables without the ODbL-licensed grid-zone table: Ember countries, Green Algorithms regions, and
     * cloud regions valued by Google's published figure (GCP), the sub-national value, or the country's.
     */
    public static CarbonIntensityTable permissive() {
        return PERMISSIVE;
    }

    /** Whether this table uses the Electricity Maps grid zones. */
    public boolean usesGridZones() {
        return useGridZones;
    }

    /**
     * Looks up the intensity for {@code location}, following the order in the class description.
     *
     * @throws TrackerConfigurationException for an unknown country or cloud provider, or a region or cloud region
     *     that is unknown and has no country to fall back to; the message names the setting, the value and the
     *     closest known codes
     * @throws TrackerException when a bundled table cannot be read (a broken jar)
     */
    public CarbonIntensity lookup(GridLocation location) {
        Objects.requireNonNull(location, "location");
        if (location.isEmpty()) {
            World w = world.get();
            return CarbonIntensity.builder(w.gramsPerKwh)
                    .year(w.year)
                    .dataset(w.dataset)
                    .rowKey("World")
                    .fallbackPath("no location set, used the World average")
                    .build();
        }
        CountryRef given = location.country() == null ? null : country(location.country());
        List<String> path = new ArrayList<>();
        if (location.cloudProvider() != null || location.cloudRegion() != null) {
            CarbonIntensity c = cloud(location, given, path);
            if (c != null) {
                return c;
            }
        }
        if (location.region() != null) {
            return region(location.region(), given, path);
        }
        if (!path.isEmpty()) {
            path.add("used country " + given.iso2());
        }
        return countryValue(given, String.join(", ", path), "");
    }

    /**
     * A forced value ({@code carbon4j.carbon.intensity}) that still describes the place: the location's country,
     * region and cloud facts when one is given (validated as for {@link #lookup}), so outputs keep their location
     * columns.
     */
    public CarbonIntensity forced(double gramsPerKwh, GridLocation location) {
        CarbonIntensity place = location.isEmpty() ? null : lookup(location);
        CarbonIntensity.Builder b = CarbonIntensity.forced(gramsPerKwh).toBuilder();
        if (place != null) {
            b.countryIsoCode(place.countryIsoCode())
                    .countryName(place.countryName())
                    .region(place.region())
                    .cloud(place.cloudProvider(), place.cloudRegion());
        }
        return b.build();
    }

    // ---------------------------------------------------------------------------------------------- row access

    // A lookup scans the parsed rows, comparing bytes, instead of first building maps of every key: a few scans of
    // a few hundred rows cost less than creating a String and a map entry per row while the code is interpreted.
    // The maps are built only for error messages and tests.

    /** The grid zone with id {@code key} (upper case), or null; never one when zones are not used. */
    private Zone zone(String key) {
        if (!useGridZones) {
            return null;
        }
        for (CsvRows.Row r : zoneRows.get().rows()) {
            if (r.equalsAscii(0, key)) {
                return new Zone(r.get(0).toUpperCase(Locale.ROOT), r);
            }
        }
        return null;
    }

    /** The country with ISO alpha-2 or alpha-3 {@code code} (upper case) in either table, or null. */
    private CountryRef countryRef(String code) {
        int column = code.length() == 2 ? 0 : code.length() == 3 ? 1 : -1;
        if (column < 0) {
            return null;
        }
        for (CsvRows.Row r : countryRows.get().rows()) {
            if (r.equalsAscii(column, code)) {
                return new CountryRef(r.get(0), r.get(1), r, 2);
            }
        }
        if (useGridZones) {
            for (CsvRows.Row r : zoneRows.get().rows()) {
                if (r.equalsAscii(column + 2, code) && !r.contains(0, '-')) {
                    return new CountryRef(r.get(2), r.get(3), r, 1);
                }
            }
        }
        return null;
    }

    /** The Ember row of {@code iso2}, or null. */
    private Country countryRow(String iso2) {
        for (CsvRows.Row r : countryRows.get().rows()) {
            if (r.equalsAscii(0, iso2)) {
                return new Country(r.get(0), r.get(1), r);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- lookup steps

    private CarbonIntensity cloud(GridLocation location, CountryRef given, List<String> path) {
        String provider = location.cloudProvider();
        String name = location.cloudRegion();
        if (provider == null || name == null) {
            throw new TrackerConfigurationException("Both " + KEY_CLOUD_PROVIDER + " and " + KEY_CLOUD_REGION
                    + " must be set (got provider '" + nullToEmpty(provider) + "', region '" + nullToEmpty(name)
                    + "'), e.g. aws and us-east-1");
        }
        if (!PROVIDERS.contains(provider)) {
            throw new TrackerConfigurationException("Unknown cloud provider '" + provider + "' in "
                    + KEY_CLOUD_PROVIDER + "; known: " + String.join(", ", PROVIDERS));
        }
        String key = new StringBuilder(provider).append('/').append(name.toLowerCase(Locale.ROOT)).toString();
        Cloud row = clouds.get().get(key);
        if (row == null) {
            if (given == null && location.region() == null) {
                List<String> names = new ArrayList<>();
                for (Cloud c : clouds.get().values()) {
                    if (c.provider().equals(provider)) {
                        names.add(c.region());
                    }
                }
                throw new TrackerConfigurationException("Unknown cloud region '" + name + "' for " + provider + " in "
                        + KEY_CLOUD_REGION + "; closest known: " + String.join(", ", closest(name, names))
                        + ". Set " + KEY_COUNTRY + " or " + KEY_REGION + " as well to fall back to the grid there");
            }
            path.add("cloud region " + key + " not found");
            return null;
        }
        if (given != null && !given.iso2().equals(row.iso2())) {
            throw conflict(KEY_CLOUD_REGION, key, row.iso2(), given);
        }
        if (location.region() != null) {
            String regionCountry = regionCountry(location.region());
            if (regionCountry != null && !regionCountry.equals(row.iso2())) {
                throw new TrackerConfigurationException(KEY_CLOUD_REGION + " " + key + " is in " + row.iso2() + " but "
                        + KEY_REGION + " '" + location.region() + "' is in " + regionCountry
                        + "; remove one of them or make them agree");
            }
        }
        CarbonIntensity.Builder b;
        Zone zone = row.emZone().isEmpty() ? null : zone(row.emZone());
        String region = row.subdivision();
        if (zone != null) {
            b = CarbonIntensity.builder(zone.gramsPerKwh())
                    .year(zone.year())
                    .dataset(zone.dataset())
                    .rowKey(zone.id());
            if (zone.id().indexOf('-') > 0) {
                region = zone.id();
            }
        } else if (row.provider().equals("gcp") && row.gramsPerKwh().isPresent()) {
            b = CarbonIntensity.builder(row.gramsPerKwh().getAsDouble())
                    .year(year(row.year()))
                    .dataset(row.dataset())
                    .rowKey(key);
        } else if (row.subnationalGramsPerKwh().isPresent()) {
            b = CarbonIntensity.builder(row.subnationalGramsPerKwh().getAsDouble())
                    .year(year(row.subnationalYear()))
                    .dataset(dataset(regions.get(), row.subdivision(), "Green Algorithms"))
                    .rowKey(row.subdivision().isEmpty() ? key : row.subdivision());
        } else if (row.gramsPerKwh().isPresent()) {
            b = CarbonIntensity.builder(row.gramsPerKwh().getAsDouble())
                    .year(year(row.year()))
                    .dataset(row.dataset())
                    .rowKey(key);
        } else {
            CountryRef ref = countryRef(row.iso2());
            if (ref == null) {
                throw new TrackerException("carbon4j's bundled " + CLOUD + " names country " + row.iso2()
                        + " for " + key + ", which no bundled table has");
            }
            return countryValue(ref, "cloud region " + key + " has no value, used country " + ref.iso2(), "")
                    .toBuilder()
                    .cloud(provider, row.region())
                    .build();
        }
        CountryRef ref = countryRef(row.iso2());
        return b.fallbackPath(String.join(", ", path))
                .countryIsoCode(row.iso3())
                .countryName(ref != null ? ref.name() : "")
                .region(region)
                .cloud(provider, row.region())
                .build();
    }

    private CarbonIntensity region(String code, CountryRef given, List<String> path) {
        String key = code.toUpperCase(Locale.ROOT);
        if (!path.isEmpty()) {
            path.add("used region " + key);
        }
        Zone zone = zone(key);
        if (zone != null) {
            if (given != null && !given.iso2().equals(zone.iso2())) {
                throw conflict(KEY_REGION, key, zone.iso2(), given);
            }
            if (zone.id().indexOf('-') < 0) {
                // A country-level zone given as a region: the country's own value.
                return countryValue(countryRef(zone.iso2()), String.join(", ", path), "");
            }
            CountryRef ref = countryRef(zone.iso2());
            return CarbonIntensity.builder(zone.gramsPerKwh())
                    .year(zone.year())
                    .dataset(zone.dataset())
                    .rowKey(zone.id())
                    .fallbackPath(String.join(", ", path))
                    .countryIsoCode(zone.iso3())
                    .countryName(ref != null ? ref.name() : "")
                    .region(zone.id())
                    .build();
        }
        Region row = regions.get().get(key);
        if (row != null) {
            if (given != null && !given.iso2().equals(row.iso2())) {
                throw conflict(KEY_REGION, key, row.iso2(), given);
            }
            CountryRef ref = countryRef(row.iso2());
            return CarbonIntensity.builder(row.gramsPerKwh())
                    .year(row.year())
                    .dataset(row.dataset())
                    .rowKey(row.code())
                    .fallbackPath(String.join(", ", path))
                    .countryIsoCode(row.iso3())
                    .countryName(ref != null ? ref.name() : "")
                    .region(row.code())
                    .build();
        }
        String prefix = regionCountry(key);
        if (given != null && prefix != null && !prefix.equals(given.iso2())) {
            throw conflict(KEY_REGION, key, prefix, given);
        }
        CountryRef fallback = given != null ? given : prefix == null ? null : countryRef(prefix);
        if (fallback == null) {
            List<String> known = new ArrayList<>(zones.get().keySet());
            known.addAll(regions.get().keySet());
            throw new TrackerConfigurationException("Unknown region '" + code + "' in " + KEY_REGION
                    + "; closest known: " + String.join(", ", closest(key, known))
                    + "; expected an ISO 3166-2 code such as US-CA, CA-QC or AU-NSW, or a grid zone such as"
                    + " US-CAL-CISO or SE-SE3 (see docs/intensity.md)");
        }
        if (!path.isEmpty()) {
            path.remove(path.size() - 1);
        }
        path.add("region " + key + " not found");
        path.add("used country " + fallback.iso2());
        return countryValue(fallback, String.join(", ", path), "");
    }

    private CarbonIntensity countryValue(CountryRef ref, String path, String region) {
        Zone zone = zone(ref.iso2());
        if (zone != null) {
            return CarbonIntensity.builder(zone.gramsPerKwh())
                    .year(zone.year())
                    .dataset(zone.dataset())
                    .rowKey(zone.id())
                    .fallbackPath(path)
                    .countryIsoCode(ref.iso3())
                    .countryName(ref.name())
                    .region(region)
                    .build();
        }
        Country row = countryRow(ref.iso2());
        if (row == null) {
            // Only a zone lists this country, and zones are not in use: nothing to say about its grid.
            throw new TrackerConfigurationException("No carbon intensity for country " + ref.iso2() + " (" + ref.name()
                    + ") without the Electricity Maps grid-zone table; set carbon4j.carbon.intensity");
        }
        return CarbonIntensity.builder(row.gramsPerKwh())
                .year(row.year())
                .dataset(row.dataset())
                .rowKey(row.iso3())
                .fallbackPath(path)
                .countryIsoCode(row.iso3())
                .countryName(row.name())
                .region(region)
                .build();
    }

    private CountryRef country(String code) {
        String key = code.toUpperCase(Locale.ROOT);
        CountryRef ref = countryRef(key);
        if (ref != null) {
            return ref;
        }
        List<String> suggestions = new ArrayList<>();
        String reserved = RESERVED.get(key);
        if (reserved != null) {
            suggestions.add(describe(countryRef(reserved)));
        }
        Countries all = countries.get();
        List<String> candidates = new ArrayList<>();
        for (CountryRef r : all.distinct) {
            candidates.add(key.length() == 3 ? r.iso3() : r.iso2());
        }
        if (key.length() > 3) {
            // A name such as "France" or "germany": match on names.
            for (CountryRef r : all.distinct) {
                if (r.name().equalsIgnoreCase(code)) {
                    suggestions.add(describe(r));
                }
            }
            List<String> names = new ArrayList<>();
            Map<String, CountryRef> byName = new HashMap<>();
            for (CountryRef r : all.distinct) {
                names.add(r.name().toUpperCase(Locale.ROOT));
                byName.put(r.name().toUpperCase(Locale.ROOT), r);
            }
            for (String n : closest(key, names)) {
                String d = describe(byName.get(n));
                if (!suggestions.contains(d)) {
                    suggestions.add(d);
                }
            }
        } else {
            for (String c : closest(key, candidates)) {
                String d = describe(all.byCode.get(c));
                if (!suggestions.contains(d)) {
                    suggestions.add(d);
                }
            }
        }
        throw new TrackerConfigurationException("Unknown country '" + code + "' in " + KEY_COUNTRY
                + "; closest known: " + String.join(", ", suggestions.subList(0, Math.min(SUGGESTIONS,
                suggestions.size()))) + "; expected an ISO 3166-1 alpha-2 or alpha-3 code such as FR or FRA");
    }

    /** The country a region code belongs to, by its row or its ISO 3166-2 prefix; null when unknown. */
    private String regionCountry(String code) {
        String key = code.toUpperCase(Locale.ROOT);
        Zone zone = zone(key);
        if (zone != null) {
            return zone.iso2();
        }
        Region row = regions.get().get(key);
        if (row != null) {
            return row.iso2();
        }
        int dash = key.indexOf('-');
        if (dash == 2) {
            CountryRef ref = countryRef(key.substring(0, 2));
            return ref == null ? null : ref.iso2();
        }
        return null;
    }

    private static TrackerConfigurationException conflict(String key, String value, String itsCountry,
            CountryRef given) {
        return new TrackerConfigurationException(key + " '" + value + "' is in " + itsCountry + " but " + KEY_COUNTRY
                + " is '" + given.iso2() + "' (" + given.name() + "); remove one of them or make them agree");
    }

    private static String describe(CountryRef r) {
        return r.iso2() + "/" + r.iso3() + " (" + r.name() + ")";
    }

    private static String dataset(Map<String, Region> regions, String code, String otherwise) {
        Region r = regions.get(code);
        return r != null ? r.dataset() : otherwise;
    }

    private static java.util.OptionalInt year(int year) {
        return year > 0 ? java.util.OptionalInt.of(year) : java.util.OptionalInt.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Up to five candidates closest to {@code input}: those it is a prefix of (or that are a prefix of it) first,
     * then by edit distance, then alphabetically. Candidates further than half the input's length are left out,
     * unless nothing is nearer.
     */
    static List<String> closest(String input, List<String> candidates) {
        String in = input.toUpperCase(Locale.ROOT);
        List<Map.Entry<String, Integer>> scored = new ArrayList<>();
        for (String c : new TreeSet<>(candidates)) {
            String cu = c.toUpperCase(Locale.ROOT);
            int score = cu.startsWith(in) || in.startsWith(cu) ? 0 : 1 + levenshtein(in, cu);
            scored.add(Map.entry(c, score));
        }
        scored.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey));
        List<String> out = new ArrayList<>();
        int limit = Math.max(2, in.length() / 2 + 1);
        for (Map.Entry<String, Integer> e : scored) {
            if (out.size() == SUGGESTIONS || (e.getValue() > limit && !out.isEmpty())) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ---------------------------------------------------------------------------------------------- loading

    private CsvRows table(String name, String... columns) {
        try {
            return CsvRows.parse(name, source.read(name), columns);
        } catch (IOException | RuntimeException e) {
            throw new TrackerException("carbon4j's bundled carbon-intensity table " + name
                    + " could not be read (a damaged jar?): " + e, e);
        }
    }

    /** The tables in this package's resources. */
    private static final class Resources implements TableSource {
        @Override
        public byte[] read(String name) throws IOException {
            try (InputStream in = CarbonIntensityTable.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("resource " + name + " is missing");
                }
                return in.readAllBytes();
            }
        }
    }

    private Map<String, Zone> loadZones() {
        CsvRows t = zoneRows.get();
        Map<String, Zone> map = new HashMap<>();
        for (CsvRows.Row r : t.rows()) {
            Zone z = new Zone(r.get(0).toUpperCase(Locale.ROOT), r);
            map.put(z.id(), z);
        }
        return Collections.unmodifiableMap(map);
    }

    private Map<String, Region> loadRegions() {
        CsvRows t = table(REGIONS, "region_code", "country_iso2", "country_iso3", "region_name", "gco2eq_per_kwh",
                "year", "source");
        Map<String, Region> map = new HashMap<>();
        for (CsvRows.Row r : t.rows()) {
            Region region = new Region(r.get(0).toUpperCase(Locale.ROOT), r);
            map.put(region.code(), region);
        }
        return Collections.unmodifiableMap(map);
    }

    private Countries loadCountries() {
        CsvRows t = countryRows.get();
        Map<String, Country> rows = new HashMap<>();
        Map<String, CountryRef> byCode = new HashMap<>();
        List<CountryRef> distinct = new ArrayList<>();
        for (CsvRows.Row r : t.rows()) {
            Country c = new Country(r.get(0), r.get(1), r);
            rows.put(c.iso2(), c);
            CountryRef ref = new CountryRef(c.iso2(), c.iso3(), r, 2);
            byCode.put(ref.iso2(), ref);
            byCode.put(ref.iso3(), ref);
            distinct.add(ref);
        }
        // Countries only Electricity Maps lists (Aland, Curacao, ...) are still known countries. A country-level
        // zone's id is its ISO 3166-1 alpha-2 code.
        for (Zone z : zones.get().values()) {
            if (!byCode.containsKey(z.id()) && !z.row.contains(0, '-')) {
                CountryRef ref = new CountryRef(z.iso2(), z.iso3(), z.row, 1);
                byCode.put(ref.iso2(), ref);
                byCode.put(ref.iso3(), ref);
                distinct.add(ref);
            }
        }
        return new Countries(Collections.unmodifiableMap(rows), Collections.unmodifiableMap(byCode),
                List.copyOf(distinct));
    }

    private Map<String, Cloud> loadClouds() {
        CsvRows t = table(CLOUD, "provider", "region", "country_iso2", "country_iso3", "subdivision_iso3166_2",
                "em_zone", "gco2eq_per_kwh", "year", "intensity_source", "subnational_gco2eq_per_kwh",
                "subnational_year");
        Map<String, Cloud> map = new LinkedHashMap<>();
        for (CsvRows.Row r : t.rows()) {
            Cloud c = new Cloud(r.get(0).toLowerCase(Locale.ROOT), r.get(1), r);
            map.put(new StringBuilder(c.provider()).append('/').append(c.region().toLowerCase(Locale.ROOT))
                    .toString(), c);
        }
        return Collections.unmodifiableMap(map);
    }

    private World loadWorld() {
        CsvRows t = table(WORLD, "aggregate_name", "gco2eq_per_kwh", "year", "source");
        for (CsvRows.Row r : t.rows()) {
            if (r.get(0).equals("World")) {
                return new World(number(WORLD, r.get(1), "World"), integer(WORLD, r.get(2), "World"),
                        datasetName(r.get(3)));
            }
        }
        throw new TrackerException("carbon4j's bundled " + WORLD + " has no World row (a damaged jar?)");
    }

    /** A short dataset name from a table's {@code source} column: the text before its parenthesised detail. */
    static String datasetName(String source) {
        int paren = source.indexOf(" (");
        return paren > 0 ? source.substring(0, paren) : source;
    }

    // Rows keep their text and convert it when used: a lookup converts one row instead of hundreds, which matters
    // on the start path while the JVM still interprets this code. A damaged number surfaces on the lookup that
    // reads it; the tests read every row.
    private static double number(String file, String text, String row) {
        try {
            double v = Double.parseDouble(text);
            if (v >= 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TrackerException("carbon4j's bundled table " + file + " has a bad number '" + text + "' in row "
                + row + " (a damaged jar?)");
    }

    private static OptionalDouble optionalNumber(String file, String text, String row) {
        return text.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(number(file, text, row));
    }

    private static int integer(String file, String text, String row) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TrackerException("carbon4j's bundled table " + file + " has a bad year '" + text + "' in row "
                    + row + " (a damaged jar?)", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- rows

    /** Every row key of each table, for tests that walk all rows. */
    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(GRID_ZONES, zones.get().size());
        counts.put(REGIONS, regions.get().size());
        counts.put(COUNTRIES, countries.get().rows.size());
        counts.put(CLOUD, clouds.get().size());
        return counts;
    }

    List<String> zoneIds() {
        return new ArrayList<>(zones.get().keySet());
    }

    List<String> regionCodes() {
        return new ArrayList<>(regions.get().keySet());
    }

    List<String> countryCodes() {
        return new ArrayList<>(countries.get().rows.keySet());
    }

    List<String> cloudKeys() {
        return new ArrayList<>(clouds.get().keySet());
    }

    /** A grid-zone row; fields other than the id are decoded when read. */
    private record Zone(String id, CsvRows.Row row) {
        String name() {
            return row.get(1);
        }

        String iso2() {
            return row.get(2);
        }

        String iso3() {
            return row.get(3);
        }

        int year() {
            return integer(GRID_ZONES, row.get(4), id);
        }

        double gramsPerKwh() {
            return number(GRID_ZONES, row.get(5), id);
        }

        String dataset() {
            return datasetName(row.get(6));
        }
    }

    /** A sub-national row; fields other than the code are decoded when read. */
    private record Region(String code, CsvRows.Row row) {
        String iso2() {
            return row.get(1);
        }

        String iso3() {
            return row.get(2);
        }

        double gramsPerKwh() {
            return number(REGIONS, row.get(4), code);
        }

        int year() {
            return integer(REGIONS, row.get(5), code);
        }

        String dataset() {
            return datasetName(row.get(6));
        }
    }

    /** A country row of the Ember table. */
    private record Country(String iso2, String iso3, CsvRows.Row row) {
        String name() {
            return row.get(2);
        }

        double gramsPerKwh() {
            return number(COUNTRIES, row.get(3), iso2);
        }

        int year() {
            return integer(COUNTRIES, row.get(4), iso2);
        }

        String dataset() {
            return datasetName(row.get(5));
        }
    }

    /** A known country, from the country table or a country-level grid zone; its name is decoded when read. */
    private record CountryRef(String iso2, String iso3, CsvRows.Row row, int nameColumn) {
        String name() {
            return row.get(nameColumn);
        }
    }

    private record Countries(Map<String, Country> rows, Map<String, CountryRef> byCode, List<CountryRef> distinct) {}

    /** A cloud-region row. */
    private record Cloud(String provider, String region, CsvRows.Row row) {
        String iso2() {
            return row.get(2);
        }

        String iso3() {
            return row.get(3);
        }

        String subdivision() {
            return row.get(4);
        }

        String emZone() {
            return row.get(5).toUpperCase(Locale.ROOT);
        }

        OptionalDouble gramsPerKwh() {
            return optionalNumber(CLOUD, row.get(6), provider + "/" + region);
        }

        int year() {
            return row.isEmpty(7) ? 0 : integer(CLOUD, row.get(7), provider + "/" + region);
        }

        String dataset() {
            return datasetName(row.get(8));
        }

        OptionalDouble subnationalGramsPerKwh() {
            return optionalNumber(CLOUD, row.get(9), provider + "/" + region);
        }

        int subnationalYear() {
            return row.isEmpty(10) ? 0 : integer(CLOUD, row.get(10), provider + "/" + region);
        }
    }

    private record World(double gramsPerKwh, int year, String dataset) {}

    /** A table parsed once, on first use. */
    private static final class Lazy<T> {
        private final CarbonIntensityTable owner;
        private final String table;
        private volatile T value;

        Lazy(CarbonIntensityTable owner, String table) {
            this.owner = owner;
            this.table = table;
        }

        @SuppressWarnings("unchecked")
        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = (T) owner.load(table);
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
