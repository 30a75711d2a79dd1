package io.carbon4j.tracker.junit.samples;

import io.carbon4j.tracker.junit.MeasureEnergy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Run by EnergyExtensionTest: only one method is measured. */
@ExtendWith(Bench.OnlyInTestKit.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MethodLevelSample {

    @Test
    @Order(1)
    void notMeasured() {
        Bench.work(7);
    }

    @Test
    @Order(2)
    @MeasureEnergy(config = Bench.Config.class)
    void measured() {
        Bench.work(4);
    }
}
