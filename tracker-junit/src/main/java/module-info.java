/**
 * carbon4j for JUnit 5: {@code @MeasureEnergy} measures the energy and emissions of each test and writes them to a
 * report file.
 */
module io.carbon4j.tracker.junit {
    requires transitive io.carbon4j.tracker.core;
    requires transitive org.junit.jupiter.api;

    exports io.carbon4j.tracker.junit;
}
