package io.carbon4j.tracker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The contract can fail: each broken source below, run through the Jupiter engine, fails exactly the contract test
 * for its fault. The broken subclasses run only under the engine test kit, which sets {@link #ENABLED}.
 */
class PowerSourceContractSelfTest {

    private static final String ENABLED = "carbon4j.test.contract-self-test";

    @ParameterizedTest
    @CsvSource({
        "DuplicateIds,     channels_acrossReads_stableNonEmptyAndUnique",
        "ForgetsChannel,   read_bufferNotCleared_setsEveryChannel",
        "GoesBackwards,    read_repeated_energyNeverDecreases",
        "ThrowsOnReclose,  close_twice_neverThrows",
    })
    void contract_brokenSource_failsOnlyTheMatchingTest(String broken, String test) throws ClassNotFoundException {
        Class<?> contract = Class.forName(PowerSourceContractSelfTest.class.getName() + "$" + broken);

        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract))
                .configurationParameter(ENABLED, "true").execute().testEvents();

        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly(test + "()");
        assertThat(events.succeeded().count()).isEqualTo(3);
    }

    /** Keeps the broken contracts out of the normal run, where they would fail as designed. */
    static final class OnlyInEngineTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the engine test kit")
                    : ConditionEvaluationResult.disabled("a broken source for PowerSourceContractSelfTest only");
        }
    }

    /** A source whose faults the subclasses choose; two CPU channels moving {@code step} joules per read. */
    private static class Broken implements PowerSource {
        final List<Channel> channels;
        double step = 1;
        boolean forgetSecond;
        double joules;
        int closes;

        Broken(String secondId) {
            channels = List.of(Channel.of("cpu-0", Component.CPU, Measurement.COUNTER, "broken"),
                    Channel.of(secondId, Component.CPU, Measurement.COUNTER, "broken"));
        }

        @Override
        public List<Channel> channels() {
            return channels;
        }

        @Override
        public void read(EnergySample sample) {
            joules += step;
            sample.setJoules(0, joules);
            if (!forgetSecond) {
                sample.setJoules(1, joules);
            }
        }

        @Override
        public void close() {
            closes++;
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    static class DuplicateIds extends PowerSourceContract {
        @Override
        protected PowerSource createSource() {
            return new Broken("cpu-0");
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    static class ForgetsChannel extends PowerSourceContract {
        @Override
        protected PowerSource createSource() {
            Broken source = new Broken("cpu-1");
            source.forgetSecond = true;
            return source;
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    static class GoesBackwards extends PowerSourceContract {
        @Override
        protected PowerSource createSource() {
            Broken source = new Broken("cpu-1");
            source.step = -1;
            return source;
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    static class ThrowsOnReclose extends PowerSourceContract {
        @Override
        protected PowerSource createSource() {
            return new Broken("cpu-1") {
                @Override
                public void close() {
                    if (++closes > 1) {
                        throw new IllegalStateException("already closed");
                    }
                }
            };
        }
    }
}
