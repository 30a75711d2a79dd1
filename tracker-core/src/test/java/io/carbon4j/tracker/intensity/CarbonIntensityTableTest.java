package io.carbon4j.tracker.intensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarbonIntensityTableTest {

    private final CarbonIntensityTable bundled = CarbonIntensityTable.bundled();
    private final CarbonIntensityTable permissive = CarbonIntensityTable.permissive();

    @Test
    void bundled_everyTable_loadsEveryRow() throws IOException {
        assertThat(bundled.rowCounts())
                .containsEntry(CarbonIntensityTable.GRID_ZONES, csv(CarbonIntensityTable.GRID_ZONES).size())
                .containsEntry(CarbonIntensityTable.REGIONS, csv(CarbonIntensityTable.REGIONS).size())
                .containsEntry(CarbonIntensityTable.COUNTRIES, csv(CarbonIntensityTable.COUNTRIES).size())
                .containsEntry(CarbonIntensityTable.CLOUD, csv(CarbonIntensityTable.CLOUD).size())
                .containsEntry(CarbonIntensityTable.GRID_ZONES, 352)
                .containsEntry(CarbonIntensityTable.REGIONS, 76)
                .containsEntry(CarbonIntensityTable.COUNTRIES, 214)
                .containsEntry(CarbonIntensityTable.CLOUD, 143);
    }

    @Test
    void lookup_everyCountryRowWithoutZones_matchesCsvByIso2AndIso3() throws IOException {
        for (Map<String, String> row : csv(CarbonIntensityTable.COUNTRIES)) {
            CarbonIntensity by2 = permissive.lookup(GridLocation.country(row.get("iso2")));
            CarbonIntensity by3 = permissive.lookup(GridLocation.country(row.get("iso3").toLowerCase(Locale.ROOT)));
            assertThat(by2.gramsPerKwh()).as(row.get("iso2")).isEqualTo(Double.parseDouble(row.get("gco2eq_per_kwh")));
            assertThat(by2.year()).hasValue(Integer.parseInt(row.get("year")));
            assertThat(by2.countryIsoCode()).isEqualTo(row.get("iso3"));
            assertThat(by2.countryName()).isEqualTo(row.get("country_name"));
            assertThat(by2.rowKey()).isEqualTo(row.get("iso3"));
            assertThat(by2.fallbackPath()).isEmpty();
            assertThat(by3).isEqualTo(by2);
        }
    }

    @Test
    void lookup_everyGridZone_matchesCsv() throws IOException {
        for (Map<String, String> row : csv(CarbonIntensityTable.GRID_ZONES)) {
            String id = row.get("zone_id");
            CarbonIntensity ci = id.contains("-")
                    ? bundled.lookup(GridLocation.region(id.toLowerCase(Locale.ROOT)))
                    : bundled.lookup(GridLocation.country(row.get("country_iso3")));
            assertThat(ci.gramsPerKwh()).as(id).isEqualTo(Double.parseDouble(row.get("gco2eq_per_kwh")));
            assertThat(ci.year()).hasValue(2025);
            assertThat(ci.dataset()).isEqualTo("Electricity Maps yearly averages");
            assertThat(ci.rowKey()).isEqualTo(id);
            assertThat(ci.countryIsoCode()).isEqualTo(row.get("country_iso3"));
            assertThat(ci.region()).isEqualTo(id.contains("-") ? id : "");
        }
    }

    @Test
    void lookup_everyRegionRow_matchesCsvWhereNoZoneHasTheCode() throws IOException {
        List<String> zoneIds = bundled.zoneIds();
        for (Map<String, String> row : csv(CarbonIntensityTable.REGIONS)) {
            String code = row.get("region_code");
            double expected = Double.parseDouble(row.get("gco2eq_per_kwh"));
            CarbonIntensity open = permissive.lookup(GridLocation.region(code));
            assertThat(open.gramsPerKwh()).as(code).isEqualTo(expected);
            assertThat(open.dataset()).isEqualTo("Green Algorithms CI_aggregated.csv");
            assertThat(open.countryIsoCode()).isEqualTo(row.get("country_iso3"));
            if (!zoneIds.contains(code)) {
                assertThat(bundled.lookup(GridLocation.region(code)).gramsPerKwh()).as(code).isEqualTo(expected);
            }
        }
    }

    @Test
    void lookup_everyCloudRegion_followsDocumentedOrder() throws IOException {
        Map<String, Double> zones = new HashMap<>();
        for (Map<String, String> z : csv(CarbonIntensityTable.GRID_ZONES)) {
            zones.put(z.get("zone_id"), Double.parseDouble(z.get("gco2eq_per_kwh")));
        }
        for (Map<String, String> row : csv(CarbonIntensityTable.CLOUD)) {
            GridLocation where = GridLocation.cloud(row.get("provider").toUpperCase(Locale.ROOT), row.get("region"));
            String key = row.get("provider") + "/" + row.get("region");

            CarbonIntensity zoned = bundled.lookup(where);
            assertThat(zoned.gramsPerKwh()).as(key).isEqualTo(zones.get(row.get("em_zone")));
            assertThat(zoned.cloudProvider()).isEqualTo(row.get("provider"));
            assertThat(zoned.cloudRegion()).isEqualTo(row.get("region"));
            assertThat(zoned.countryIsoCode()).isEqualTo(row.get("country_iso3"));

            double expected = row.get("provider").equals("gcp") || row.get("subnational_gco2eq_per_kwh").isEmpty()
                    ? Double.parseDouble(row.get("gco2eq_per_kwh"))
                    : Double.parseDouble(row.get("subnational_gco2eq_per_kwh"));
            assertThat(permissive.lookup(where).gramsPerKwh()).as(key).isEqualTo(expected);
        }
    }

    @Test
    void lookup_spotValues_matchTheTables() {
        CarbonIntensity fr = bundled.lookup(GridLocation.country("FR"));
        assertThat(fr.gramsPerKwh()).isEqualTo(31);
        assertThat(fr.countryName()).isEqualTo("France");
        assertThat(permissive.lookup(GridLocation.country("fra")).gramsPerKwh()).isEqualTo(44.18);
        assertThat(permissive.lookup(GridLocation.country("de")).year()).hasValue(2024);
        assertThat(bundled.lookup(GridLocation.region("CA-QC")).gramsPerKwh()).isEqualTo(41);
        assertThat(bundled.lookup(GridLocation.region("AU-NSW")).gramsPerKwh()).isEqualTo(525);
        assertThat(bundled.lookup(GridLocation.region("US-CA")).gramsPerKwh()).isEqualTo(216.43);
        assertThat(bundled.lookup(GridLocation.region("SE-SE3")).gramsPerKwh()).isEqualTo(20);
        assertThat(bundled.lookup(GridLocation.region("US-CAL-CISO")).gramsPerKwh()).isEqualTo(208);
        // Russia has no country-level Electricity Maps zone: Ember's row.
        assertThat(bundled.lookup(GridLocation.country("RU")).gramsPerKwh()).isEqualTo(446.17);
        // Åland is only in the Electricity Maps table.
        assertThat(bundled.lookup(GridLocation.country("ALA")).gramsPerKwh()).isEqualTo(17);
    }

    @Test
    void lookup_cloudRegions_useTheirGridZone() {
        CarbonIntensity aws = bundled.lookup(GridLocation.cloud("aws", "us-east-1"));
        assertThat(aws.rowKey()).isEqualTo("US-MIDA-PJM");
        assertThat(aws.region()).isEqualTo("US-MIDA-PJM");
        assertThat(aws.countryIsoCode()).isEqualTo("USA");
        assertThat(aws.countryName()).isEqualTo("United States");

        CarbonIntensity gcp = permissive.lookup(GridLocation.cloud("gcp", "europe-west1"));
        assertThat(gcp.gramsPerKwh()).isEqualTo(103.37);
        assertThat(gcp.dataset()).startsWith("Google Cloud region-carbon-info");
        assertThat(gcp.rowKey()).isEqualTo("gcp/europe-west1");

        CarbonIntensity azure = bundled.lookup(GridLocation.cloud("azure", "WestEurope"));
        assertThat(azure.rowKey()).isEqualTo("NL");
        assertThat(azure.region()).isEmpty();
        assertThat(azure.cloudRegion()).isEqualTo("westeurope");

        CarbonIntensity awsOpen = permissive.lookup(GridLocation.cloud("aws", "us-east-1"));
        assertThat(awsOpen.gramsPerKwh()).isEqualTo(308);
        assertThat(awsOpen.rowKey()).isEqualTo("US-VA");
        assertThat(awsOpen.year()).hasValue(2020);
    }

    @Test
    void lookup_gridZoneWithoutOdblTable_fallsBackToCountry() {
        CarbonIntensity ci = permissive.lookup(GridLocation.region("US-CAL-CISO"));
        assertThat(ci.fallbackPath()).isEqualTo("region US-CAL-CISO not found, used country US");
        assertThat(ci.gramsPerKwh()).isEqualTo(383.55);
        assertThat(ci.dataset()).isEqualTo("Ember Yearly Electricity Data");
        assertThat(permissive.usesGridZones()).isFalse();
    }

    @Test
    void lookup_utilityRegionWithoutSubdivision_usesItsRow() {
        CarbonIntensity ci = bundled.lookup(GridLocation.region("hk-clp"));
        assertThat(ci.gramsPerKwh()).isEqualTo(650);
        assertThat(ci.countryIsoCode()).isEqualTo("HKG");
        assertThat(ci.region()).isEqualTo("HK-CLP");
    }

    @Test
    void lookup_none_usesWorldAverage() {
        CarbonIntensity world = bundled.lookup(GridLocation.none());
        assertThat(world.gramsPerKwh()).isEqualTo(472.94);
        assertThat(world.year()).hasValue(2024);
        assertThat(world.rowKey()).isEqualTo("World");
        assertThat(world.fallbackPath()).contains("no location");
        assertThat(world.countryIsoCode()).isEmpty();
    }

    @Test
    void lookup_unknownRegionOfKnownCountry_fallsBackToCountry() {
        CarbonIntensity ci = bundled.lookup(GridLocation.region("US-XX"));
        assertThat(ci.fallbackPath()).isEqualTo("region US-XX not found, used country US");
        assertThat(ci.gramsPerKwh()).isEqualTo(bundled.lookup(GridLocation.country("US")).gramsPerKwh());
        assertThat(ci.countryIsoCode()).isEqualTo("USA");
        assertThat(ci.describe()).contains("region US-XX not found, used country US");
    }

    @Test
    void lookup_unknownRegionWithCountry_fallsBackToGivenCountry() {
        CarbonIntensity ci = bundled.lookup(new GridLocation("SE", "SE9", null, null));
        assertThat(ci.fallbackPath()).isEqualTo("region SE9 not found, used country SE");
        assertThat(ci.countryIsoCode()).isEqualTo("SWE");
    }

    @Test
    void lookup_countryAndRegion_regionWins() {
        CarbonIntensity ci = bundled.lookup(new GridLocation("CAN", "CA-QC", null, null));
        assertThat(ci.rowKey()).isEqualTo("CA-QC");
        assertThat(ci.fallbackPath()).isEmpty();
    }

    @Test
    void lookup_countryAndRegionDisagree_isConfigurationError() {
        assertThatThrownBy(() -> bundled.lookup(new GridLocation("FR", "US-CA", null, null)))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("carbon4j.region 'US-CA' is in US but carbon4j.country is 'FR'");
    }

    @Test
    void lookup_cloudAndCountryDisagree_isConfigurationError() {
        assertThatThrownBy(() -> bundled.lookup(new GridLocation("DE", null, "aws", "us-east-1")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("carbon4j.cloud.region 'aws/us-east-1' is in US");
    }

    @Test
    void lookup_unknownCloudRegionWithCountry_fallsBackToCountry() {
        CarbonIntensity ci = bundled.lookup(new GridLocation("DE", null, "aws", "eu-central-9"));
        assertThat(ci.fallbackPath()).isEqualTo("cloud region aws/eu-central-9 not found, used country DE");
        assertThat(ci.gramsPerKwh()).isEqualTo(342);
    }

    @Test
    void lookup_unknownCloudRegionWithRegion_fallsBackToRegion() {
        CarbonIntensity ci = bundled.lookup(new GridLocation(null, "US-CA", "gcp", "us-west9"));
        assertThat(ci.fallbackPath()).isEqualTo("cloud region gcp/us-west9 not found, used region US-CA");
        assertThat(ci.gramsPerKwh()).isEqualTo(216.43);
    }

    @Test
    void lookup_unknownCountry_namesKeyAndClosestCodes() {
        assertThatThrownBy(() -> bundled.lookup(GridLocation.country("XX")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageStartingWith("Unknown country 'XX' in carbon4j.country; closest known: ")
                .hasMessageContaining("XK/XKX (Kosovo)")
                .hasMessageContaining("expected an ISO 3166-1 alpha-2 or alpha-3 code");
        assertThatThrownBy(() -> bundled.lookup(GridLocation.country("FRX")))
                .hasMessageContaining("FR/FRA (France)");
        assertThatThrownBy(() -> bundled.lookup(GridLocation.country("UK")))
                .hasMessageContaining("closest known: GB/GBR (United Kingdom)");
        assertThatThrownBy(() -> bundled.lookup(GridLocation.country("Germany")))
                .hasMessageContaining("closest known: DE/DEU (Germany)");
    }

    @Test
    void lookup_unknownRegionWithoutCountry_namesClosestRegions() {
        assertThatThrownBy(() -> bundled.lookup(GridLocation.region("XQ-CAL-CISO")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageStartingWith("Unknown region 'XQ-CAL-CISO' in carbon4j.region; closest known: US-CAL-CISO");
        assertThatThrownBy(() -> bundled.lookup(GridLocation.region("QQ-1")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("carbon4j.region");
    }

    @Test
    void lookup_unknownCloud_namesProvidersOrClosestRegions() {
        assertThatThrownBy(() -> bundled.lookup(GridLocation.cloud("ibm", "us-south")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessage("Unknown cloud provider 'ibm' in carbon4j.cloud.provider; known: aws, azure, gcp");
        assertThatThrownBy(() -> bundled.lookup(GridLocation.cloud("aws", "us-east-9")))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("Unknown cloud region 'us-east-9' for aws in carbon4j.cloud.region")
                .hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> bundled.lookup(new GridLocation(null, null, "aws", null)))
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessageContaining("carbon4j.cloud.region");
    }

    @Test
    void forced_withLocation_keepsPlaceFacts() {
        CarbonIntensity ci = bundled.forced(99, GridLocation.cloud("gcp", "us-central1"));
        assertThat(ci.gramsPerKwh()).isEqualTo(99);
        assertThat(ci.isForced()).isTrue();
        assertThat(ci.countryIsoCode()).isEqualTo("USA");
        assertThat(ci.cloudRegion()).isEqualTo("us-central1");
        assertThat(bundled.forced(5, GridLocation.none()).countryIsoCode()).isEmpty();
    }

    @Test
    void lookup_cloudRowWithoutZoneOrValues_usesCountryRow() {
        CarbonIntensityTable t = new CarbonIntensityTable(name -> SMALL.get(name).getBytes(StandardCharsets.UTF_8), true);
        CarbonIntensity ci = t.lookup(GridLocation.cloud("aws", "xx-1"));
        assertThat(ci.gramsPerKwh()).isEqualTo(100);
        assertThat(ci.fallbackPath()).isEqualTo("cloud region aws/xx-1 has no value, used country FR");
        assertThat(ci.cloudRegion()).isEqualTo("xx-1");
        CarbonIntensity gcp = t.lookup(GridLocation.cloud("gcp", "yy-1"));
        assertThat(gcp.gramsPerKwh()).isEqualTo(7.5);
        assertThat(gcp.year()).hasValue(2024);
    }

    @Test
    void lookup_damagedTable_isTrackerExceptionNamingTheFile() {
        CarbonIntensityTable t = new CarbonIntensityTable(name -> "iso2,iso3\n\"FR,FRA\n".getBytes(StandardCharsets.UTF_8), false);
        assertThatThrownBy(() -> t.lookup(GridLocation.country("FR")))
                .isInstanceOf(TrackerException.class)
                .hasMessageContaining(CarbonIntensityTable.COUNTRIES);
    }

    @Test
    void closest_prefersPrefixesThenEditDistance() {
        assertThat(CarbonIntensityTable.closest("us-east", List.of("us-west-1", "us-east-1", "us-east-2", "eu-x")))
                .startsWith("us-east-1", "us-east-2");
        assertThat(CarbonIntensityTable.levenshtein("kitten", "sitting")).isEqualTo(3);
    }

    private static final Map<String, String> SMALL = Map.of(
            CarbonIntensityTable.GRID_ZONES, "zone_id,zone_name,country_iso2,country_iso3,year,gco2eq_per_kwh,source\n",
            CarbonIntensityTable.REGIONS,
            "country_iso2,country_iso3,region_code,region_name,gco2eq_per_kwh,year,source\n",
            CarbonIntensityTable.COUNTRIES, "iso2,iso3,country_name,gco2eq_per_kwh,year,source\n"
                    + "FR,FRA,France,100,2024,Test data (x)\n",
            CarbonIntensityTable.CLOUD, "provider,region,country_iso2,country_iso3,subdivision_iso3166_2,em_zone,"
                    + "gco2eq_per_kwh,year,intensity_source,subnational_gco2eq_per_kwh,subnational_year\n"
                    + "aws,xx-1,FR,FRA,,,,,,,\n"
                    + "gcp,yy-1,FR,FRA,,,7.5,2024,\"Google, test\",,\n");

    /** The rows of a bundled CSV, parsed independently of the code under test (quote-aware split). */
    static List<Map<String, String>> csv(String name) throws IOException {
        String text;
        try (InputStream in = CarbonIntensityTable.class.getResourceAsStream(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        String[] header = split(lines[0]);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = split(lines[i]);
            assertThat(f).as(name + " line " + (i + 1)).hasSize(header.length);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], f[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String[] split(String line) {
        String[] parts = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("\"") && p.endsWith("\"")) {
                parts[i] = p.substring(1, p.length() - 1).replace("\"\"", "\"");
            }
        }
        return parts;
    }
}
