package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbon4j.tracker.intensity.CarbonIntensity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class LogOutputWriterTest {

    private final CapturingLogger log = new CapturingLogger();
    private final LogOutputWriter writer = new LogOutputWriter(log);

    @Test
    void start_logsSourcesPlaceAndIntensityWithFallback() {
        CarbonIntensity ci = CarbonIntensity.builder(414).year(2025).dataset("Electricity Maps yearly averages")
                .rowKey("US").fallbackPath("region US-XX not found, used country US").countryIsoCode("USA").build();
        writer.start(TestResults.run("r1").carbonIntensity(ci).isFinal(false).build());

        assertThat(log.lines).hasSize(1);
        assertThat(log.lines.get(0))
                .startsWith("INFO carbon4j started run r1 (project demo): sources used rapl (cpu), skipped nvml"
                        + " (unavailable: libnvidia-ml.so.1 not found); place USA; intensity 414.0 gCO2eq/kWh (US,"
                        + " Electricity Maps yearly averages 2025); region US-XX not found, used country US");
    }

    @Test
    void write_onlyTheFinalResultIsLogged() {
        writer.write(TestResults.run("r1").isFinal(false).build());
        assertThat(log.lines).isEmpty();

        writer.write(TestResults.run("r1").build());
        assertThat(log.lines).containsExactly("INFO carbon4j stopped run r1: 100.000 s, 1.650000 kWh (5940000.0 J),"
                + " 0.092400 kg CO2eq, mean 59400.0 W; cpu measured, gpu not_measured, ram estimated; 0 task(s)");
    }

    /** Records formatted INFO-and-above lines. */
    private static final class CapturingLogger extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        final List<String> lines = new ArrayList<>();

        CapturingLogger() {
            this.name = "test";
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, args));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }
}
