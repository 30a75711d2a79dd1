package io.carbon4j.tracker.junit.samples;

import static org.assertj.core.api.Assertions.fail;

import io.carbon4j.tracker.junit.MeasureEnergy;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Run by EnergyExtensionTest: each test "works" a known number of seconds at 10 W. */
@ExtendWith(Bench.OnlyInTestKit.class)
@MeasureEnergy(projectName = "sample-project", config = Bench.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ClassLevelSample {

    @Test
    @Order(1)
    void oneSecond() {
        Bench.work(1);
    }

    @Test
    @Order(2)
    void twoSeconds() {
        Bench.work(2);
    }

    @Test
    @Order(3)
    void failsAfterThreeSeconds() {
        Bench.work(3);
        fail("this sample fails on purpose");
    }

    @Test
    @Order(4)
    @Disabled("a sample of a skipped test")
    void skipped() {
        Bench.work(100);
    }

    @ParameterizedTest(name = "works {0}, s")
    @Order(5)
    @ValueSource(doubles = {0.5, 1.5})
    void parameterised(double seconds) {
        Bench.work(seconds);
    }
}
