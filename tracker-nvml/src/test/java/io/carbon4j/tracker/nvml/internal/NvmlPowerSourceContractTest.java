package io.carbon4j.tracker.nvml.internal;

import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.test.ManualClock;
import io.carbon4j.tracker.test.PowerSourceContract;
import io.carbon4j.tracker.test.TestSourceContext;

/**
 * The NVML source over the Java fake library passes the kit's contract: one GPU with an energy counter, one that
 * only reports power (integrated over the context's clock).
 */
class NvmlPowerSourceContractTest extends PowerSourceContract {

    private final FakeNvmlLibrary lib = new FakeNvmlLibrary();
    private final ManualClock clock = new ManualClock();
    private FakeNvmlLibrary.Device counter;
    private FakeNvmlLibrary.Device powerOnly;

    @Override
    protected PowerSource createSource() {
        counter = lib.add("NVIDIA H200", "GPU-aaaaaaaa-1111-2222-3333-444444444444");
        counter.energyMj = 1_000_000;
        powerOnly = lib.add("NVIDIA T4", "GPU-bbbbbbbb-1111-2222-3333-444444444444");
        powerOnly.energyResult = NvmlReturn.NOT_SUPPORTED.code();
        powerOnly.powerMw = 70_000;
        return new NvmlPowerSourceProvider(configured -> new LibraryLoader.LoadedLibrary(lib, "fake"), name -> null)
                .open(TestSourceContext.create().withClock(clock));
    }

    @Override
    protected void advanceBetweenReads() {
        counter.energyMj += 300_000; // 300 J in the second below
        powerOnly.powerMw += 1_000;
        clock.advanceSeconds(1);
    }
}
