package io.carbon4j.tracker.test;

import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.PowerSource;

/** The fake passes the contract it helps others pass. */
class FakePowerSourceContractTest extends PowerSourceContract {

    private final ManualClock clock = new ManualClock();

    @Override
    protected PowerSource createSource() throws Exception {
        return new FakePowerSource("fake")
                .channel("cpu-0", Component.CPU, 65.0)
                .channel("dram-0", Component.RAM, 4.5)
                .open(TestSourceContext.create().withClock(clock));
    }

    @Override
    protected void advanceBetweenReads() {
        clock.advanceSeconds(1);
    }
}
