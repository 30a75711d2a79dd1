package io.carbon4j.tracker.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link StartLatency} {@code runs} times per variant, each in a fresh JVM (same {@code java}, same class path),
 * and prints min / median / p90 / max of the start and stop latencies and of the child process's whole life.
 *
 * <p>Usage: {@code StartLatencyRunner [runs] [variant...] [-- extra JVM options...]} (default: 15 runs of
 * {@code discover} and {@code rapl}). The variant {@code phases} runs {@link StartPhases} instead and prints the
 * median of each phase.
 */
public final class StartLatencyRunner {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT start_ms=([0-9.]+) stop_ms=([0-9.]+) jvm_to_main_ms=([0-9]+) classes=([0-9]+)");

    private StartLatencyRunner() {}

    public static void main(String[] args) throws Exception {
        int runs = 15;
        List<String> variants = new ArrayList<>();
        List<String> jvmOptions = new ArrayList<>();
        boolean options = false;
        for (String a : args) {
            if (options) {
                jvmOptions.add(a);
            } else if (a.equals("--")) {
                options = true;
            } else if (a.matches("[0-9]+")) {
                runs = Integer.parseInt(a);
            } else {
                variants.add(a);
            }
        }
        if (variants.isEmpty()) {
            variants = List.of("discover", "rapl");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        try (FakePowercapTree tree = new FakePowercapTree()) {
            for (String variant : variants) {
                if (variant.equals("phases")) {
                    phases(java, classPath, jvmOptions, runs, tree);
                } else {
                    run(java, classPath, jvmOptions, variant, runs, tree);
                }
            }
        }
    }

    private static void run(String java, String classPath, List<String> jvmOptions, String variant, int runs,
            FakePowercapTree tree) throws Exception {
        double[] start = new double[runs];
        double[] stop = new double[runs];
        double[] process = new double[runs];
        double[] toMain = new double[runs];
        int classes = 0;
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
            command.addAll(jvmOptions);
            if (Boolean.getBoolean("carbon4j.bench.forcedIntensity")) {
                command.add("-Dcarbon4j.bench.forcedIntensity=true");
            }
            command.add(StartLatency.class.getName());
            command.add(variant);
            command.add(tree.root().toString());
            Path out = Files.createTempDirectory("carbon4j-bench-out");
            Files.delete(out);
            command.add(out.toString());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String result = null;
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.append(line).append('\n');
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    }
                }
            }
            int rc = p.waitFor();
            process[i] = (System.nanoTime() - t0) / 1e6;
            FakePowercapTree.deleteTree(out);
            Matcher m = result == null ? null : RESULT.matcher(result);
            if (rc != 0 || m == null || !m.matches()) {
                throw new IllegalStateException("run " + i + " of " + variant + " failed (exit " + rc + "):\n" + all);
            }
            start[i] = Double.parseDouble(m.group(1));
            stop[i] = Double.parseDouble(m.group(2));
            toMain[i] = Double.parseDouble(m.group(3));
            classes = Integer.parseInt(m.group(4));
        }
        System.out.printf(Locale.ROOT, "cold %-8s runs=%d%n", variant, runs);
        System.out.printf(Locale.ROOT, "  start()            ms: %s%n", Stats.summary(start));
        System.out.printf(Locale.ROOT, "  stop() + outputs   ms: %s%n", Stats.summary(stop));
        System.out.printf(Locale.ROOT, "  JVM start to main  ms: %s%n", Stats.summary(toMain));
        System.out.printf(Locale.ROOT, "  whole child process ms: %s%n", Stats.summary(process));
        System.out.printf(Locale.ROOT, "  classes loaded at exit: %d%n", classes);
    }

    private static void phases(String java, String classPath, List<String> jvmOptions, int runs, FakePowercapTree tree)
            throws Exception {
        Map<String, double[]> phases = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
            command.addAll(jvmOptions);
            command.add(StartPhases.class.getName());
            command.add(tree.root().toString());
            Path out = Files.createTempDirectory("carbon4j-bench-out");
            Files.delete(out);
            command.add(out.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.append(line).append('\n');
                    String[] f = line.split(" ");
                    if (f.length == 3 && f[0].equals("PHASE")) {
                        phases.computeIfAbsent(f[1], k -> new double[runs])[i] = Double.parseDouble(f[2]);
                    }
                }
            }
            int rc = p.waitFor();
            FakePowercapTree.deleteTree(out);
            if (rc != 0) {
                throw new IllegalStateException("phase run " + i + " failed (exit " + rc + "):\n" + all);
            }
        }
        System.out.printf(Locale.ROOT, "cold start phases, each timed where it runs first in a fresh JVM (runs=%d)%n",
                runs);
        double total = 0;
        for (Map.Entry<String, double[]> e : phases.entrySet()) {
            double median = Stats.quantile(e.getValue(), 0.5);
            total += median;
            System.out.printf(Locale.ROOT, "  %-24s median %7.1f ms  (%s)%n", e.getKey(), median,
                    Stats.summary(e.getValue()));
        }
        System.out.printf(Locale.ROOT, "  %-24s        %7.1f ms%n", "sum of medians", total);
    }
}
