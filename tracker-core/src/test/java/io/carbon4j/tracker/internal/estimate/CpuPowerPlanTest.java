package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuPowerPlanTest {

    private final TdpTable table = TdpTable.bundled();

    private CpuPowerPlan plan(String name, int sockets, int cpus, boolean vm) {
        CpuFacts facts = new CpuFacts(name, sockets, cpus, vm);
        return CpuPowerPlan.of(facts, table.match(name));
    }

    @Test
    void of_exactMatchTwoSockets_tdpTimesSockets() {
        CpuPowerPlan p = plan("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", 2, 80, false);

        assertThat(p.maxWatts()).isEqualTo(300.0);
        assertThat(p.description()).startsWith("estimated (TDP model, exact match 'Intel Xeon Gold 6248', 150 W x 2"
                + " sockets = 300 W at full load");
        assertThat(p.attributes()).containsEntry("tdp_row", "Intel Xeon Gold 6248").containsEntry("match", "exact");
    }

    @Test
    void of_virtualMachineWithStatedCores_guestShareOfSocket() {
        // 4 vCPUs of a 64-core, 128-thread EPYC 7763 (280 W): 280 x 4 / 128 = 8.75 W.
        CpuPowerPlan p = plan("AMD EPYC 7763 64-Core Processor", 1, 4, true);

        assertThat(p.maxWatts()).isCloseTo(8.75, within(1e-12));
        assertThat(p.description()).contains("280 W x 4 of 128 threads (virtual machine) = 8.75 W");
    }

    @Test
    void of_virtualMachineWithoutCoreCount_cappedAtPerThreadFigure() {
        CpuPowerPlan p = plan("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", 1, 4, true);

        assertThat(p.maxWatts()).isEqualTo(14.0);
        assertThat(p.description()).contains("210 W x 1 socket, capped at 3.5 W x 4 threads (virtual machine)");
    }

    @Test
    void of_familyMatch_perThreadWithoutSockets() {
        CpuPowerPlan p = plan("AMD EPYC 7B13 64-Core Processor", 2, 8, true);

        assertThat(p.maxWatts()).isEqualTo(28.0);
        assertThat(p.description()).contains("per-thread model", "family match 'amd epyc'", "3.5 W x 8 threads = 28 W");
    }

    @Test
    void of_unknownModel_perThread() {
        CpuPowerPlan p = plan("", 1, 2, false);

        assertThat(p.maxWatts()).isEqualTo(7.0);
        assertThat(p.description()).contains("CPU model 'unknown' not in the TDP table");
    }

    @Test
    void of_tiedRows_saysSo() {
        assertThat(plan("Intel(R) Atom(TM) CPU E625CT", 1, 1, false).description())
                .contains("(first of 2 tied rows)");
    }

    @Test
    void linearModel_idleAndFullLoad() {
        LinearPowerModel m = new LinearPowerModel(100, 0.2);

        assertThat(m.watts(0)).isCloseTo(20, within(1e-12));
        assertThat(m.watts(0.5)).isCloseTo(60, within(1e-12));
        assertThat(m.watts(1)).isCloseTo(100, within(1e-12));
        assertThat(m.watts(1.5)).isCloseTo(100, within(1e-12));
    }

    @Test
    void idleFraction_isCloudCarbonFootprintRatio() {
        assertThat(CpuPowerPlan.IDLE_FRACTION).isCloseTo(0.2114, within(1e-4));
    }

    @Test
    void watts_trimsZeros() {
        assertThat(CpuPowerPlan.watts(65)).isEqualTo("65");
        assertThat(CpuPowerPlan.watts(8.75)).isEqualTo("8.75");
        assertThat(CpuPowerPlan.watts(0.392)).isEqualTo("0.392");
    }
}
