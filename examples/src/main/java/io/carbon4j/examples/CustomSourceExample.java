package io.carbon4j.examples;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.SourceReport;
import io.carbon4j.tracker.TaskScope;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A power source and an output writer registered in code: {@link SmartPlugProvider} measures an accelerator on a
 * smart plug alongside the discovered sources, and {@link MarkdownTableWriter} writes the result as a Markdown
 * table.
 *
 * <pre>
 * echo 35 &gt; /tmp/plug-watts
 * java -Dcarbon4j.smartplug.file=/tmp/plug-watts -cp examples/target/carbon4j-demo.jar io.carbon4j.examples.CustomSourceExample
 * </pre>
 * Without {@code carbon4j.smartplug.file} the plug is reported as skipped, with the reason, and the other sources
 * still measure.
 */
public final class CustomSourceExample {

    /** A named piece of work, run as a task. */
    record Phase(String name, Runnable work) {}

    private CustomSourceExample() {}

    /** Runs two phases of CPU work, measured by the discovered sources and the smart plug. */
    public static void main(String[] args) throws Exception {
        Examples.runMain("CustomSourceExample", () -> {
            EmissionsTracker.Builder builder = Examples.realBuilder("custom-source-example")
                    .addPowerSource(new SmartPlugProvider());
            Path markdown = Path.of("carbon4j-output", "emissions.md");
            run(builder, markdown, List.of(
                    new Phase("sort", () -> sort(4_000_000)),
                    new Phase("matrix-multiply", () -> multiply(384))), System.out);
        });
    }

    /** Registers the Markdown writer, runs the phases as tasks, and prints the table. */
    static EmissionsResult run(EmissionsTracker.Builder builder, Path markdown, List<Phase> phases, PrintStream out) {
        EmissionsResult result;
        try (EmissionsTracker tracker = builder.addOutput(new MarkdownTableWriter(markdown)).start()) {
            for (Phase phase : phases) {
                try (TaskScope t = tracker.task(phase.name())) {
                    phase.work().run();
                }
            }
            result = tracker.stop();
        }
        out.println("sources:");
        for (SourceReport s : result.sources()) {
            out.println("  " + s);
        }
        out.println();
        out.print(MarkdownTableWriter.table(result));
        out.println();
        out.println("written to " + markdown.toAbsolutePath());
        return result;
    }

    private static void sort(int n) {
        Random random = new Random(1);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble();
        }
        Arrays.sort(values);
    }

    private static void multiply(int n) {
        Random random = new Random(2);
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        double[] c = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble();
            b[i] = random.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }
}
