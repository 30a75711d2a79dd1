package io.carbon4j.tracker.internal.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcReadersTest {

    @TempDir
    Path dir;

    @Test
    void procStat_aggregateLine_busyAndTotal() throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "cpu  100 5 50 800 20 3 2 10 7 0\ncpu0 50 2 25 400 10 1 1 5 3 0\n"
                + "cpu1 50 3 25 400 10 2 1 5 4 0\nintr 12345 1 2 3\n");
        ProcStatCpuReader r = new ProcStatCpuReader(stat);
        CpuTicks t = new CpuTicks();

        assertThat(r.read(t)).isTrue();
        assertThat(r.logicalCpus()).isEqualTo(2);
        // busy = user + nice + system + irq + softirq; guest (7) is already inside user.
        assertThat(t.busy).isEqualTo(160);
        assertThat(t.total).isEqualTo(160 + 800 + 20 + 10);
    }

    @Test
    void procFile_rewrittenInPlace_isReReadThroughTheOpenChannel() throws Exception {
        Path f = dir.resolve("meminfo");
        Files.writeString(f, "MemTotal:  100 kB\n");
        ProcFile file = new ProcFile(f, 256);
        assertThat(file.refresh()).isTrue();
        assertThat(file.valueAfter("MemTotal:")).isEqualTo(100);

        Files.writeString(f, "MemTotal:  250 kB\n");
        assertThat(file.refresh()).isTrue();
        assertThat(file.valueAfter("MemTotal:")).isEqualTo(250);

        file.close();
        Files.writeString(f, "MemTotal:  7 kB\n");
        assertThat(file.refresh()).isTrue();
        assertThat(file.valueAfter("MemTotal:")).isEqualTo(7);
        file.close();
    }

    @Test
    void procFile_deletedThenBack_recoversOnTheNextRefresh() throws Exception {
        Path f = dir.resolve("stat");
        Files.writeString(f, "cpu  1 2 3\n");
        ProcFile file = new ProcFile(f, 256);
        assertThat(file.refresh()).isTrue();
        Files.delete(f);
        file.close();
        assertThat(file.refresh()).isFalse();
        Files.writeString(f, "cpu  4 5 6\n");
        assertThat(file.refresh()).isTrue();
        long[] out = new long[3];
        assertThat(file.numbersAtStart("cpu ", out)).isEqualTo(3);
        assertThat(out).containsExactly(4, 5, 6);
        file.close();
    }

    @Test
    void procStat_missingFile_unreadable() {
        ProcStatCpuReader r = new ProcStatCpuReader(dir.resolve("none"));

        assertThat(r.read(new CpuTicks())).isFalse();
        assertThat(r.logicalCpus()).isPositive();
    }

    @Test
    void procMemory_kibFields() throws Exception {
        Path meminfo = dir.resolve("meminfo");
        Path status = dir.resolve("status");
        Files.writeString(meminfo, "MemTotal:       16000 kB\nMemFree:         1000 kB\nMemAvailable:    6000 kB\n");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t  9000 kB\nVmRSS:\t    2500 kB\nThreads:\t20\n");
        MemoryFacts f = new MemoryFacts();

        new ProcMemoryReader(meminfo, status).read(f);

        assertThat(f.totalBytes).isEqualTo(16000L * 1024);
        assertThat(f.usedBytes()).isEqualTo(10000L * 1024);
        assertThat(f.processResidentBytes).isEqualTo(2500L * 1024);
    }

    @Test
    void cpuinfo_socketsProcessorsAndHypervisor() {
        String text = "processor\t: 0\nmodel name\t: AMD EPYC 7B13 64-Core Processor\nphysical id\t: 0\n"
                + "flags\t\t: fpu vme hypervisor lahf_lm\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13 64-Core"
                + " Processor\nphysical id\t: 1\nflags\t\t: fpu vme hypervisor lahf_lm\n";

        CpuFacts f = CpuFacts.fromCpuinfo(text);

        assertThat(f).isEqualTo(new CpuFacts("AMD EPYC 7B13 64-Core Processor", 2, 2, true));
    }

    @Test
    void cpuinfo_armWithoutPhysicalId_oneSocket() {
        CpuFacts f = CpuFacts.fromCpuinfo("processor\t: 0\nBogoMIPS\t: 50.00\nprocessor\t: 1\n");

        assertThat(f.sockets()).isEqualTo(1);
        assertThat(f.logicalCpus()).isEqualTo(2);
        assertThat(f.virtualised()).isFalse();
    }
}
