/**
 * carbon4j test kit: {@link io.carbon4j.tracker.test.ManualClock}, {@link io.carbon4j.tracker.test.TestSourceContext},
 * {@link io.carbon4j.tracker.test.FakePowerSource} and {@link io.carbon4j.tracker.test.PowerSourceContract}. Add it
 * with test scope.
 */
module io.carbon4j.tracker.test {
    requires transitive io.carbon4j.tracker.core;
    requires org.junit.jupiter.api;
    requires org.assertj.core;

    exports io.carbon4j.tracker.test;

    // JUnit invokes the contract's inherited test methods reflectively.
    opens io.carbon4j.tracker.test to
            org.junit.platform.commons;
}
