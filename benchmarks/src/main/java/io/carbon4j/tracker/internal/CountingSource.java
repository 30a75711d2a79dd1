package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.spi.Channel;
import io.carbon4j.tracker.spi.Component;
import io.carbon4j.tracker.spi.EnergySample;
import io.carbon4j.tracker.spi.Measurement;
import io.carbon4j.tracker.spi.PowerSource;
import java.util.List;

/** A source whose one counter goes up by a joule per read: the cheapest read there is, so the engine's cost shows. */
final class CountingSource implements PowerSource {

    private final List<Channel> channels;
    private final boolean inline;
    private double joules;

    CountingSource(String id, boolean inline) {
        this.channels = List.of(Channel.of(id, Component.CPU, Measurement.COUNTER, "counting fake " + id));
        this.inline = inline;
    }

    /** As the caller chooses: true puts the source on the sampler thread, false on its own reader thread. */
    @Override
    public boolean readsWithoutBlocking() {
        return inline;
    }

    @Override
    public List<Channel> channels() {
        return channels;
    }

    @Override
    public void read(EnergySample sample) {
        joules += 1.0;
        sample.setJoules(0, joules);
    }

    @Override
    public void close() {}
}
