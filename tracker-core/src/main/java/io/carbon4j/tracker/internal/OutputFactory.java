package io.carbon4j.tracker.internal;

import io.carbon4j.tracker.output.OutputWriter;
import io.carbon4j.tracker.output.Outputs;
import java.util.ArrayList;
import java.util.List;

/** The writers named by {@code output.formats}. */
final class OutputFactory {

    private OutputFactory() {}

    static List<OutputWriter> create(TrackerSettings settings) {
        List<OutputWriter> writers = new ArrayList<>();
        for (String f : settings.outputFormats) {
            switch (f) {
                case "csv":
                    writers.add(Outputs.csv(settings.outputDir, settings.outputUpdate));
                    break;
                case "jsonl":
                    writers.add(Outputs.jsonl(settings.outputDir));
                    break;
                case "log":
                    writers.add(Outputs.log());
                    break;
                default:
                    throw new IllegalStateException("unknown format " + f);
            }
        }
        return writers;
    }
}
