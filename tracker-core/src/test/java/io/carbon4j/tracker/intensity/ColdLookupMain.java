package io.carbon4j.tracker.intensity;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Measures the first lookup in a fresh JVM (cold classes, cold tables), in wall time and in this thread's CPU time
 * (the latter is steadier on a busy machine). Not a test: run it in a new JVM,
 * {@code java -cp tracker-core/target/classes:tracker-core/target/test-classes:<slf4j-api jar>
 * io.carbon4j.tracker.intensity.ColdLookupMain [--prewarm] [country]}. With {@code --prewarm} it first pays the
 * JVM-wide one-time costs the tracker pays elsewhere anyway (first lambda, first string concatenation, first
 * class-path resource), so the figure is the tables' own cost.
 */
final class ColdLookupMain {

    private ColdLookupMain() {}

    public static void main(String[] args) throws Exception {
        boolean prewarm = args.length > 0 && args[0].equals("--prewarm");
        String country = args.length > (prewarm ? 1 : 0) ? args[args.length - 1] : "FR";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (prewarm) {
            Runnable r = () -> {};
            r.run();
            String s = "x" + args.length;
            try (java.io.InputStream in = ColdLookupMain.class.getResourceAsStream("ColdLookupMain.class")) {
                in.readAllBytes();
            }
            s.length();
        }
        long w0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        CarbonIntensity first = CarbonIntensityTable.bundled().lookup(GridLocation.country(country));
        long w1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        CarbonIntensity cloud = CarbonIntensityTable.bundled().lookup(GridLocation.cloud("aws", "us-east-1"));
        long w2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "%s first country lookup: wall %.2f ms, cpu %.2f ms (%s)%n",
                prewarm ? "prewarmed" : "cold", (w1 - w0) / 1e6, (c1 - c0) / 1e6, first);
        System.out.printf(Locale.ROOT, "%s then first cloud lookup: wall %.2f ms, cpu %.2f ms (%s)%n",
                prewarm ? "prewarmed" : "cold", (w2 - w1) / 1e6, (c2 - c1) / 1e6, cloud);
    }
}
