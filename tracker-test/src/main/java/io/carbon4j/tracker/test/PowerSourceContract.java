package io.carbon4j.tracker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link PowerSource} should pass, as an abstract JUnit 5 class: extend it, implement
 * {@link #createSource()}, and the inherited tests check the parts of the SPI contract that hold for any source.
 *
 * <ul>
 *   <li>{@link PowerSource#channels()} is not empty, its ids are unique and not blank, and it does not change
 *       across reads;</li>
 *   <li>{@link PowerSource#read(EnergySample)} sets every channel on every read, to a finite value or
 *       {@code NaN}, never leaving what was in the buffer;</li>
 *   <li>the energy of a channel never decreases from one read to the next (where both reads are numbers);</li>
 *   <li>{@link PowerSource#close()} can be called twice and never throws.</li>
 * </ul>
 *
 * <pre>{@code
 * class MySourceContractTest extends PowerSourceContract {
 *     private final ManualClock clock = new ManualClock();
 *
 *     @Override
 *     protected PowerSource createSource() throws Exception {
 *         return new MyProvider(fakeDevice).open(TestSourceContext.create().withClock(clock));
 *     }
 *
 *     @Override
 *     protected void advanceBetweenReads() {
 *         fakeDevice.addMillijoules(1_500);
 *         clock.advanceSeconds(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Each test opens its own source and closes it. Add the source's own behaviour as more tests in the subclass.
 *
 * @since 0.1.0
 */
public abstract class PowerSourceContract {

    /** How many reads the read tests make. */
    protected static final int READS = 5;

    /** What a read that forgets a channel leaves in the buffer; no source reports it. */
    private static final double UNTOUCHED = -7.25e77;

    /** For subclasses. */
    protected PowerSourceContract() {
    }

    /**
     * Opens a new source to test, with at least one readable channel; called once per test, which closes it.
     *
     * @throws Exception if the source cannot be opened, which fails the test
     */
    protected abstract PowerSource createSource() throws Exception;

    /**
     * Moves time and energy on between two reads: advance the clock the source reads and the fake hardware's
     * counters. The default does nothing, which suits a source whose energy moves by itself.
     */
    protected void advanceBetweenReads() {
    }

    /** Channels are not empty, with unique non-blank ids, and the same before and after reads. */
    @Test
    public void channels_acrossReads_stableNonEmptyAndUnique() throws Exception {
        try (PowerSource source = createSource()) {
            List<Channel> before = List.copyOf(source.channels());

            EnergySample sample = new EnergySample(before.size());
            for (int r = 0; r < READS; r++) {
                advanceBetweenReads();
                sample.clear();
                source.read(sample);
            }

            assertThat(before).isNotEmpty();
            assertThat(before).extracting(Channel::id).allSatisfy(id -> assertThat(id).isNotBlank())
                    .doesNotHaveDuplicates();
            assertThat(source.channels()).containsExactlyElementsOf(before);
            assertThat(source.components()).isNotEmpty();
        }
    }

    /** Every read sets every channel, to a finite value or NaN, even in a buffer that was not cleared. */
    @Test
    public void read_bufferNotCleared_setsEveryChannel() throws Exception {
        try (PowerSource source = createSource()) {
            int channels = source.channels().size();
            EnergySample sample = new EnergySample(channels);
            for (int r = 0; r < READS; r++) {
                advanceBetweenReads();
                for (int i = 0; i < channels; i++) {
                    sample.setJoules(i, UNTOUCHED);
                }

                source.read(sample);

                for (int i = 0; i < channels; i++) {
                    double joules = sample.joules(i);
                    assertThat(joules).as("read %d, channel %s", r, source.channels().get(i).id())
                            .isNotEqualTo(UNTOUCHED)
                            .satisfiesAnyOf(j -> assertThat(j).isNaN(), j -> assertThat(j).isFinite());
                }
            }
        }
    }

    /** Cumulative energy never decreases between two reads that are both numbers. */
    @Test
    public void read_repeated_energyNeverDecreases() throws Exception {
        try (PowerSource source = createSource()) {
            int channels = source.channels().size();
            EnergySample sample = new EnergySample(channels);
            double[] previous = new double[channels];
            source.read(sample);
            for (int i = 0; i < channels; i++) {
                previous[i] = sample.joules(i);
            }
            int compared = 0;
            for (int r = 1; r < READS; r++) {
                advanceBetweenReads();
                sample.clear();

                source.read(sample);

                for (int i = 0; i < channels; i++) {
                    double joules = sample.joules(i);
                    if (!Double.isNaN(joules) && !Double.isNaN(previous[i])) {
                        assertThat(joules).as("read %d, channel %s", r, source.channels().get(i).id())
                                .isGreaterThanOrEqualTo(previous[i]);
                        compared++;
                    }
                    if (!Double.isNaN(joules)) {
                        previous[i] = joules;
                    }
                }
            }
            assertThat(compared).as("reads with a number on both sides; createSource() must give a readable source")
                    .isPositive();
        }
    }

    /** Closing twice, after reads, never throws. */
    @Test
    public void close_twice_neverThrows() throws Exception {
        PowerSource source = createSource();
        source.read(new EnergySample(source.channels().size()));

        assertThatCode(source::close).doesNotThrowAnyException();
        assertThatCode(source::close).doesNotThrowAnyException();
    }
}
