package io.carbon4j.tracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.carbon4j.tracker.ConfigSource;
import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.NoPowerSourceException;
import io.carbon4j.tracker.Provenance;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.TaskScope;
import io.carbon4j.tracker.TrackerConfigurationException;
import io.carbon4j.tracker.TrackingMode;
import io.carbon4j.tracker.output.OutputWriter;
import io.carbon4j.tracker.spi.Availability;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import io.carbon4j.tracker.spi.PowerSourceException;
import io.carbon4j.tracker.spi.PowerSourceProvider;
import io.carbon4j.tracker.spi.SourceContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultEmissionsTrackerTest {

    private final ManualClock clock = new ManualClock();

    private EmissionsTracker.Builder builder(PowerSourceProvider... providers) {
        EmissionsTracker.Builder b = EmissionsTracker.builder(ConfigSource.empty())
                .discoverPowerSources(false)
                .clock(clock)
                .samplingInterval(Duration.ofHours(1))
                .carbonIntensity(500)
                .outputFormats("none")
                .registerShutdownHook(false);
        for (PowerSourceProvider p : providers) {
            b.addPowerSource(p);
        }
        return b;
    }

    private static DefaultEmissionsTracker started(EmissionsTracker.Builder b) {
        return (DefaultEmissionsTracker) b.start();
    }

    @Test
    void stop_knownPower_reportsExactEnergyAndEmissions() {
        FakeSource cpu = FakeSource.cpu("fake", 100).channel("dram-0", Component.RAM, Measurement.COUNTER, 10);
        DefaultEmissionsTracker tracker = started(builder(cpu).pue(1.5));

        clock.advanceSeconds(30);
        tracker.sampleOnce();
        clock.advanceSeconds(6);
        EmissionsResult r = tracker.stop();

        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(36));
        assertThat(r.cpu().energyJoules()).isCloseTo(3600.0, within(1e-9));
        assertThat(r.ram().energyJoules()).isCloseTo(360.0, within(1e-9));
        assertThat(r.cpu().energyKwh()).isCloseTo(0.001, within(1e-15));
        assertThat(r.cpu().meanPowerWatts()).isCloseTo(100.0, within(1e-9));
        assertThat(r.energyJoules()).isCloseTo(3960.0 * 1.5, within(1e-9));
        assertThat(r.energyKwh()).isCloseTo(0.00165, within(1e-12));
        // 0.00165 kWh × 0.5 kg/kWh
        assertThat(r.emissionsKg()).isCloseTo(0.000825, within(1e-12));
        assertThat(r.emissionsRateKgPerSecond()).isCloseTo(0.000825 / 36, within(1e-15));
        assertThat(r.cpu().provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(r.cpu().method()).contains("fake").contains("counter");
        assertThat(r.gpu().provenance()).isEqualTo(Provenance.NOT_MEASURED);
        assertThat(r.carbonIntensity().isForced()).isTrue();
        assertThat(r.carbonIntensity().gramsPerKwh()).isEqualTo(500.0);
        assertThat(r.pue()).isEqualTo(1.5);
        assertThat(r.isFinal()).isTrue();
        assertThat(r.sampling().samples()).isEqualTo(3);
        assertThat(r.channels()).extracting(c -> c.channel().id()).containsExactly("cpu-0", "dram-0");
        assertThat(r.sources()).extracting(SourceReport::status).containsExactly(SourceReport.Status.USED);
        assertThat(cpu.closes).isEqualTo(1);
    }

    @Test
    void newRunId_isAVersion4UuidAndUnique() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = DefaultEmissionsTracker.newRunId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void stop_calledTwice_returnsSameResultAndClosesOnce() {
        FakeSource cpu = FakeSource.cpu("fake", 50);
        DefaultEmissionsTracker tracker = started(builder(cpu));
        clock.advanceSeconds(2);

        EmissionsResult first = tracker.stop();
        clock.advanceSeconds(100);
        EmissionsResult second = tracker.stop();
        tracker.close();
        tracker.close();

        assertThat(second).isSameAs(first);
        assertThat(cpu.closes).isEqualTo(1);
        assertThat(tracker.isRunning()).isFalse();
        assertThat(tracker.snapshot()).isSameAs(first);
    }

    @Test
    void tasks_nestedAndOverlapping_eachGetsItsOwnInterval() {
        FakeSource cpu = FakeSource.cpu("fake", 10);
        DefaultEmissionsTracker tracker = started(builder(cpu));

        TaskScope outer = tracker.task("outer");
        clock.advanceSeconds(1);
        TaskScope inner = tracker.task("inner");
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        clock.advanceSeconds(1);
        TaskScope overlap = tracker.task("overlap");
        clock.advanceSeconds(1);
        inner.close();
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        clock.advanceSeconds(1);
        outer.close();
        clock.advanceSeconds(1);
        overlap.close();
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();

        assertThat(r.tasks()).extracting(t -> t.taskName().orElseThrow()).containsExactly("outer", "inner", "overlap");
        EmissionsResult o = r.tasks("outer").get(0);
        EmissionsResult i = r.tasks("inner").get(0);
        EmissionsResult v = r.tasks("overlap").get(0);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(o.cpu().energyJoules()).isCloseTo(60.0, within(1e-9));
        assertThat(i.cpu().energyJoules()).isCloseTo(30.0, within(1e-9));
        assertThat(v.cpu().energyJoules()).isCloseTo(40.0, within(1e-9));
        assertThat(o.emissionsKg()).isCloseTo(60.0 / 3.6e6 * 0.5, within(1e-15));
        assertThat(r.cpu().energyJoules()).isCloseTo(80.0, within(1e-9));
        assertThat(List.of(o, i, v)).allMatch(EmissionsResult::isComplete);
        assertThat(o.cpu().provenance()).isEqualTo(Provenance.MEASURED);
        assertThat(o.runId()).isEqualTo(r.runId());
    }

    @Test
    void tasks_fromManyThreads_allRecorded() throws InterruptedException {
        FakeSource cpu = FakeSource.cpu("fake", 10);
        DefaultEmissionsTracker tracker = started(builder(cpu));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int k = 0; k < 250; k++) {
                    try (TaskScope s = tracker.task("t" + id)) {
                        assertThat(s.isOpen()).isTrue();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();
        assertThat(r.tasks()).hasSize(2000).allMatch(EmissionsResult::isComplete);
    }

    @Test
    void snapshot_openTask_isIncompleteAndRunningTotalsShown() {
        FakeSource cpu = FakeSource.cpu("fake", 20);
        DefaultEmissionsTracker tracker = started(builder(cpu));
        TaskScope task = tracker.task("epoch");
        clock.advanceSeconds(5);
        tracker.sampleOnce();

        EmissionsResult snap = tracker.snapshot();

        assertThat(snap.isFinal()).isFalse();
        assertThat(snap.cpu().energyJoules()).isCloseTo(100.0, within(1e-9));
        assertThat(snap.tasks()).singleElement().satisfies(t -> {
            assertThat(t.isComplete()).isFalse();
            assertThat(t.cpu().energyJoules()).isCloseTo(100.0, within(1e-9));
        });
        task.close();
        tracker.close();
        assertThat(task.isOpen()).isFalse();
    }

    @Test
    void task_afterStop_recordsNothingAndDoesNotThrow() {
        DefaultEmissionsTracker tracker = started(builder(FakeSource.cpu("fake", 20)));
        tracker.stop();
        try (TaskScope late = tracker.task("late")) {
            assertThat(late.name()).isEqualTo("late");
        }
        assertThat(tracker.stop().tasks()).isEmpty();
    }

    @Test
    void sampleOnce_throwingSource_othersKeepMeasuringAndItIsDisabledOnce() {
        FakeSource good = FakeSource.cpu("good", 10);
        FakeSource bad = new FakeSource("bad", 0).channel("gpu-0", Component.GPU, Measurement.COUNTER, 300);
        DefaultEmissionsTracker tracker = started(builder(good, bad));
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        bad.failWith = new IllegalStateException("device exploded");

        for (int k = 0; k < 10; k++) {
            clock.advanceSeconds(1);
            tracker.sampleOnce();
        }
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().energyJoules()).isCloseTo(110.0, within(1e-9));
        assertThat(r.gpu().energyJoules()).isCloseTo(300.0, within(1e-9));
        assertThat(bad.reads).isEqualTo(2 + SourceSlot.MAX_CONSECUTIVE_FAILURES);
        assertThat(r.sources()).filteredOn(s -> s.name().equals("bad")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SourceReport.Status.DISABLED);
            assertThat(s.reason()).contains("device exploded").contains("5 consecutive");
        });
        assertThat(bad.closes).isEqualTo(1);
    }

    @Test
    void sampleOnce_channelNaN_keepsEnergySoFarAndCountsMisses() {
        FakeSource gpu = new FakeSource("gpu", 0)
                .channel("gpu-0", Component.GPU, Measurement.COUNTER, 100)
                .channel("gpu-1", Component.GPU, Measurement.COUNTER, 200);
        DefaultEmissionsTracker tracker = started(builder(gpu));
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        gpu.override[1] = Double.NaN;
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();

        assertThat(r.channels().get(0).energyJoules()).isCloseTo(300.0, within(1e-9));
        assertThat(r.channels().get(1).energyJoules()).isCloseTo(200.0, within(1e-9));
        assertThat(r.channels().get(1).missedReads()).isEqualTo(2);
        assertThat(r.channels().get(1).problem()).contains("no value");
        assertThat(r.gpu().energyJoules()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void sampleOnce_nonBlockingSource_isReadOnTheSamplerThreadAndOthersOnTheirReaders() {
        FakeSource inline = FakeSource.cpu("inline", 10);
        inline.nonBlocking = true;
        FakeSource threaded = new FakeSource("threaded", 0).channel("gpu-0", Component.GPU, Measurement.COUNTER, 20);
        DefaultEmissionsTracker tracker = started(builder(inline, threaded));
        clock.advanceSeconds(1);
        tracker.sampleOnce();

        assertThat(inline.lastReader).isSameAs(Thread.currentThread());
        assertThat(threaded.lastReader).isNotSameAs(Thread.currentThread());
        assertThat(threaded.lastReader.getName()).contains("-reader-");
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();
        assertThat(r.cpu().energyJoules()).isCloseTo(20.0, within(1e-9));
        assertThat(r.gpu().energyJoules()).isCloseTo(40.0, within(1e-9));
        assertThat(inline.closes).isEqualTo(1);
    }

    @Test
    void sampleOnce_nonBlockingSourceThrows_isIsolatedLikeAnyOther() {
        FakeSource inline = FakeSource.cpu("inline", 10);
        inline.nonBlocking = true;
        DefaultEmissionsTracker tracker = started(builder(inline));
        inline.failWith = new IllegalStateException("sysfs vanished");
        for (int k = 0; k < SourceSlot.MAX_CONSECUTIVE_FAILURES; k++) {
            clock.advanceSeconds(1);
            tracker.sampleOnce();
        }
        EmissionsResult r = tracker.stop();

        assertThat(r.sources()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SourceReport.Status.DISABLED);
            assertThat(s.reason()).contains("sysfs vanished");
        });
    }

    @Test
    void sampleOnce_negativeThenRecovered_skipsBadReadsAndResumes() {
        FakeSource cpu = FakeSource.cpu("fake", 10);
        DefaultEmissionsTracker tracker = started(builder(cpu));
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        cpu.override[0] = -5.0;
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        cpu.override[0] = Double.POSITIVE_INFINITY;
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        cpu.override[0] = null;
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();

        // The counter kept running while its reads were bad: the first good read after them counts it all.
        assertThat(r.cpu().energyJoules()).isCloseTo(40.0, within(1e-9));
        assertThat(r.channels().get(0).missedReads()).isEqualTo(2);
    }

    @Test
    void sampleOnce_counterGoesBackwards_rebasesWithoutNegativeEnergy() {
        FakeSource cpu = FakeSource.cpu("fake", 10);
        DefaultEmissionsTracker tracker = started(builder(cpu));
        clock.advanceSeconds(10);
        tracker.sampleOnce();
        cpu.override[0] = 5.0;
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        cpu.override[0] = 25.0;
        clock.advanceSeconds(2);
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().energyJoules()).isCloseTo(120.0, within(1e-9));
        assertThat(r.channels().get(0).problem()).contains("backwards");
    }

    @Test
    void start_noSource_runsAndRecordsDurationAndIntensity() {
        DefaultEmissionsTracker tracker = started(builder());
        clock.advanceSeconds(7);
        EmissionsResult r = tracker.stop();

        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.energyJoules()).isZero();
        assertThat(r.emissionsKg()).isZero();
        assertThat(r.carbonIntensity().gramsPerKwh()).isEqualTo(500.0);
        assertThat(r.cpu().provenance()).isEqualTo(Provenance.NOT_MEASURED);
        assertThat(r.cpu().method()).contains("no source for cpu");
    }

    @Test
    void start_noSourceButRequired_throwsWithReasons() {
        FakeSource off = FakeSource.cpu("off", 10);
        off.availability = Availability.unavailable("no counters here");

        assertThatThrownBy(() -> builder(off).requirePowerSource(true).start())
                .isInstanceOf(NoPowerSourceException.class)
                .hasMessageContaining("off unavailable: no counters here")
                .hasMessageContaining("#no-power-source");
    }

    @Test
    void start_unknownSourceName_listsKnownOnes() {
        assertThatThrownBy(() -> builder(FakeSource.cpu("rapl", 1), FakeSource.cpu("nvml", 1))
                        .sources("rapl", "gpu9")
                        .start())
                .isInstanceOf(TrackerConfigurationException.class)
                .hasMessage("Unknown power source 'gpu9' in carbon4j.sources (from builder, value 'rapl,gpu9');"
                        + " known sources: nvml, rapl");
    }

    @Test
    void start_sourcesSelected_othersSkippedAndNeverOpened() {
        FakeSource a = FakeSource.cpu("a", 1);
        FakeSource b = new FakeSource("b", 1).channel("g", Component.GPU, Measurement.COUNTER, 1);
        DefaultEmissionsTracker tracker = started(builder(a, b).sources("b"));
        EmissionsResult r = tracker.stop();

        assertThat(a.context).isNull();
        assertThat(r.sources()).extracting(SourceReport::name, SourceReport::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("a", SourceReport.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("b", SourceReport.Status.USED));
    }

    @Test
    void start_twoSourcesForCpu_higherPriorityWinsAndOtherIsSkipped() {
        FakeSource estimate = new FakeSource("estimate", -100).channel("cpu", Component.CPU, Measurement.ESTIMATE, 40);
        FakeSource counter = new FakeSource("counter", 100).channel("pkg", Component.CPU, Measurement.COUNTER, 60);
        DefaultEmissionsTracker tracker = started(builder(estimate, counter));
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().energyJoules()).isCloseTo(60.0, within(1e-9));
        assertThat(r.sources()).filteredOn(s -> s.name().equals("estimate")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SourceReport.Status.SKIPPED);
            assertThat(s.reason()).contains("cpu by counter");
        });
        assertThat(estimate.closes).isEqualTo(1);
    }

    @Test
    void start_estimateOnly_isReportedAsEstimated() {
        FakeSource estimate = new FakeSource("model", -100).channel("cpu", Component.CPU, Measurement.ESTIMATE, 40);
        estimate.channels.set(0, io.carbon4j.tracker.spi.Channel.of("cpu", Component.CPU, Measurement.ESTIMATE,
                "estimated (TDP model, matched 'X', 40 W)"));
        DefaultEmissionsTracker tracker = started(builder(estimate));
        clock.advanceSeconds(1);
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().provenance()).isEqualTo(Provenance.ESTIMATED);
        assertThat(r.cpu().method()).isEqualTo("estimated (TDP model, matched 'X', 40 W)");
    }

    @Test
    void start_brokenProviders_areSkippedAndTrackerRuns() {
        PowerSourceProvider probeThrows = provider("probe-throws", () -> {
            throw new IllegalStateException("boom");
        }, null);
        PowerSourceProvider linkage = provider("linkage", null, () -> {
            throw new NoClassDefFoundError("com/sun/jna/Library");
        });
        PowerSourceProvider refuses = provider("refuses", null, () -> {
            throw new PowerSourceException("driver not loaded");
        });
        DefaultEmissionsTracker tracker =
                started(builder(probeThrows, linkage, refuses, FakeSource.cpu("ok", 5)));
        clock.advanceSeconds(2);
        EmissionsResult r = tracker.stop();

        assertThat(r.cpu().energyJoules()).isCloseTo(10.0, within(1e-9));
        assertThat(r.sources()).extracting(SourceReport::name, SourceReport::status).contains(
                org.assertj.core.groups.Tuple.tuple("probe-throws", SourceReport.Status.UNAVAILABLE),
                org.assertj.core.groups.Tuple.tuple("linkage", SourceReport.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("refuses", SourceReport.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("ok", SourceReport.Status.USED));
        assertThat(r.sources()).filteredOn(s -> s.name().equals("refuses"))
                .singleElement().extracting(SourceReport::reason).isEqualTo("driver not loaded");
    }

    @Test
    void sampleOnce_longGap_isCounted() {
        DefaultEmissionsTracker tracker = started(builder(FakeSource.cpu("fake", 1)).samplingInterval(Duration.ofSeconds(1)));
        clock.advanceSeconds(1);
        tracker.sampleOnce();
        clock.advanceSeconds(30);
        tracker.sampleOnce();
        EmissionsResult r = tracker.stop();

        assertThat(r.sampling().gaps()).isEqualTo(1);
        assertThat(r.sampling().gapTime()).isEqualTo(Duration.ofSeconds(29));
        assertThat(r.cpu().energyJoules()).isCloseTo(31.0, within(1e-9));
    }

    @Test
    void start_sourceWithShortMaxReadInterval_samplesFaster() {
        FakeSource wraps = FakeSource.cpu("wraps", 1);
        wraps.maxReadInterval = Duration.ofMillis(250);
        DefaultEmissionsTracker tracker = started(builder(wraps).samplingInterval(Duration.ofSeconds(10)));

        assertThat(tracker.sampler().period()).isEqualTo(Duration.ofMillis(250));
        assertThat(tracker.stop().sampling().interval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void processMode_sourceAttributedJoules_chargedAndRestUnattributed() {
        FakeSource gpu = new FakeSource("gpu", 0).channel("gpu-0", Component.GPU, Measurement.COUNTER, 200);
        gpu.processShare = new double[] {0.25};
        DefaultEmissionsTracker tracker = started(builder(gpu).trackingMode(TrackingMode.PROCESS));
        clock.advanceSeconds(10);
        EmissionsResult r = tracker.stop();

        assertThat(r.trackingMode()).isEqualTo(TrackingMode.PROCESS);
        assertThat(r.gpu().machineEnergyJoules()).isCloseTo(2000.0, within(1e-9));
        assertThat(r.gpu().energyJoules()).isCloseTo(500.0, within(1e-9));
        assertThat(r.gpu().unattributedJoules()).isCloseTo(1500.0, within(1e-9));
        assertThat(r.emissionsKg()).isCloseTo(500.0 / 3.6e6 * 0.5, within(1e-15));
    }

    @Test
    void flush_failingOutput_isReportedAndRunGoesOn() {
        List<EmissionsResult> written = new ArrayList<>();
        OutputWriter broken = new OutputWriter() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void write(EmissionsResult result) throws IOException {
                throw new IOException("disk full");
            }
        };
        OutputWriter good = new OutputWriter() {
            @Override
            public String name() {
                return "good";
            }

            @Override
            public void write(EmissionsResult result) {
                written.add(result);
            }
        };
        DefaultEmissionsTracker tracker =
                started(builder(FakeSource.cpu("fake", 1)).addOutput(broken).addOutput(good));
        clock.advanceSeconds(1);
        tracker.sampleOnce();

        EmissionsResult flushed = tracker.flush();
        EmissionsResult last = tracker.stop();

        assertThat(flushed.outputErrors()).containsExactly("broken: IOException: disk full");
        assertThat(last.outputErrors()).containsExactly("broken: IOException: disk full");
        assertThat(written).hasSize(2);
        assertThat(written.get(0).isFinal()).isFalse();
        assertThat(written.get(1).isFinal()).isTrue();
        assertThat(tracker.isRunning()).isFalse();
    }

    @Test
    void stop_failOnOutputError_throwsAfterMeasuring() {
        OutputWriter broken = new OutputWriter() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void write(EmissionsResult result) throws IOException {
                throw new IOException("read-only file system");
            }
        };
        DefaultEmissionsTracker tracker =
                started(builder(FakeSource.cpu("fake", 1)).addOutput(broken).failOnOutputError(true));

        assertThatThrownBy(tracker::stop).hasMessageContaining("read-only file system");
        tracker.close();
    }

    @Test
    void stop_interrupted_keepsFlagAndResult() {
        DefaultEmissionsTracker tracker = started(builder(FakeSource.cpu("fake", 3)));
        clock.advanceSeconds(1);
        Thread.currentThread().interrupt();
        EmissionsResult r = tracker.stop();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(r.isFinal()).isTrue();
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(r.cpu().energyJoules()).isCloseTo(3.0, within(1e-9));
    }

    private static PowerSourceProvider provider(String name, Runnable onProbe, Runnable onOpen) {
        return new PowerSourceProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Availability probe(SourceContext context) {
                if (onProbe != null) {
                    onProbe.run();
                }
                return Availability.available("ok");
            }

            @Override
            public PowerSource open(SourceContext context) {
                onOpen.run();
                throw new AssertionError("unreachable");
            }
        };
    }
}
