package io.carbon4j.tracker.rapl.internal;

import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.PowerSourceContract;
import io.carbon4j.tracker.test.TestSourceContext;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The RAPL source on a two-socket fake powercap tree passes the kit's contract. */
class RaplPowerSourceContractTest extends PowerSourceContract {

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();
    private FakePowercap fake;
    private long packageUj = 1_000_000L;

    @Override
    protected PowerSource createSource() throws Exception {
        fake = new FakePowercap(root).twoSockets();
        return new RaplPowerSourceProvider().open(TestSourceContext.create().withRaplRoot(root).withClock(clock));
    }

    @Override
    protected void advanceBetweenReads() {
        packageUj += 65_000_000L; // 65 J in the second below
        fake.energy("intel-rapl:0", packageUj);
        clock.advanceSeconds(1);
    }
}
