package io.carbon4j.tracker.rapl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.test.TestSourceContext;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hot path allocates nothing per read once warm, as HotSpot's per-thread allocation counter shows. */
class RaplAllocationTest {

    private static final Logger LOG = LoggerFactory.getLogger(RaplAllocationTest.class);

    @TempDir
    Path root;

    @Test
    void read_steadyState_allocatesNothing() throws Exception {
        // Through reflection, so the module needs no compile-time dependency on jdk.management.
        Method allocated;
        Object bean;
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            allocated = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException | LinkageError e) {
            assumeTrue(false, "no per-thread allocation counter: " + e);
            return;
        }
        new FakePowercap(root).twoSockets();
        try (RaplPowerSource source = (RaplPowerSource)
                new RaplPowerSourceProvider().open(TestSourceContext.create().withRaplRoot(root))) {
            EnergySample sample = new EnergySample(source.channels().size());
            for (int i = 0; i < 20_000; i++) {
                source.read(sample);
            }
            long a = (Long) allocated.invoke(bean);
            long b = (Long) allocated.invoke(bean);
            long probeCost = b - a;
            int reads = 10_000;
            long before = (Long) allocated.invoke(bean);
            for (int i = 0; i < reads; i++) {
                source.read(sample);
            }
            long after = (Long) allocated.invoke(bean);
            long bytes = after - before - probeCost;
            LOG.info("allocation: {} bytes over {} reads of {} channels", bytes, reads, source.channels().size());
            // Under one byte per read on average: a single allocation per read would be at least 16 bytes a read,
            // while a JIT or GC event during the loop can account for a few hundred bytes once.
            assertThat(bytes).isLessThan(reads);
        }
    }
}
