package io.carbon4j.examples;

import io.carbon4j.tracker.EmissionsResult;
import io.carbon4j.tracker.EmissionsTracker;
import io.carbon4j.tracker.TaskScope;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A batch job that reports its cost per unit of work: each batch of records is a task, and the job prints the
 * energy and emissions per record, the figure to put next to "cost per request" in a capacity plan.
 *
 * <pre>
 * java -cp examples/target/carbon4j-demo.jar io.carbon4j.examples.BatchJobExample
 * </pre>
 */
public final class BatchJobExample {

    /** Processes one record. */
    @FunctionalInterface
    interface RecordHandler {
        /** Handles {@code record}; returns a digest of the outcome. */
        byte[] handle(String record) throws Exception;
    }

    /** The job's cost: energies in joules (with PUE), emissions in kgCO2eq. */
    record Summary(int records, int batches, double joules, double kg) {

        double joulesPerRecord() {
            return joules / records;
        }

        double kgPerRecord() {
            return kg / records;
        }
    }

    private BatchJobExample() {}

    /** Processes 200,000 generated order records in batches of 20,000, measured on this machine. */
    public static void main(String[] args) throws Exception {
        Examples.runMain("BatchJobExample", () -> {
            run(Examples.realBuilder("batch-job-example"), generate(200_000), 20_000, BatchJobExample::process,
                    System.out);
        });
    }

    /** Runs the job, one task per batch, and prints the cost per record. */
    static Summary run(EmissionsTracker.Builder builder, List<String> records, int batchSize, RecordHandler handler,
            PrintStream out) throws Exception {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        EmissionsResult result;
        int batches = 0;
        try (EmissionsTracker tracker = builder.start()) {
            for (int from = 0; from < records.size(); from += batchSize) {
                batches++;
                try (TaskScope t = tracker.task("batch-" + batches)) {
                    for (String record : records.subList(from, Math.min(records.size(), from + batchSize))) {
                        handler.handle(record);
                    }
                }
            }
            result = tracker.stop();
        }
        List<EmissionsResult> batchResults = new ArrayList<>();
        for (int b = 1; b <= batches; b++) {
            batchResults.addAll(result.tasks("batch-" + b));
        }
        Summary s = new Summary(records.size(), batches, Examples.joules(batchResults), Examples.kg(batchResults));
        out.printf(Locale.ROOT, "%-9s %8s %12s %14s%n", "batch", "records", "energy (J)", "J per record");
        for (int b = 0; b < batchResults.size(); b++) {
            int n = Math.min(batchSize, records.size() - b * batchSize);
            EmissionsResult r = batchResults.get(b);
            out.printf(Locale.ROOT, "%-9s %8d %12.4g %14.4g%n", r.taskName().orElse(""), n, r.energyJoules(),
                    r.energyJoules() / n);
        }
        out.println();
        out.printf(Locale.ROOT, "%d records in %d batches: %.4g J, %.4g gCO2eq%n", s.records(), s.batches(),
                s.joules(), s.kg() * 1000);
        out.printf(Locale.ROOT, "per record: %.4g J, %.4g mgCO2eq; per million records: %.4g kWh, %.4g kgCO2eq%n",
                s.joulesPerRecord(), s.kgPerRecord() * 1e6, s.joulesPerRecord() * 1e6 / 3.6e6, s.kgPerRecord() * 1e6);
        Examples.printProvenance(result, out);
        return s;
    }

    /** Generated order records: {@code id,customer,amount,currency}. */
    static List<String> generate(int n) {
        Random random = new Random(42);
        List<String> records = new ArrayList<>(n);
        String[] currencies = {"EUR", "USD", "GBP", "JPY"};
        for (int i = 0; i < n; i++) {
            records.add(String.format(Locale.ROOT, "%d,customer-%d,%.2f,%s", i, random.nextInt(10_000),
                    random.nextDouble() * 1000, currencies[random.nextInt(currencies.length)]));
        }
        return records;
    }

    /** The real per-record work: parse, validate, normalise, and fingerprint (a chained SHA-256). */
    static byte[] process(String record) throws NoSuchAlgorithmException {
        String[] fields = record.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("expected 4 fields in '" + record + "'");
        }
        double amount = Double.parseDouble(fields[2]);
        String normalised = fields[0] + '|' + fields[1].toUpperCase(Locale.ROOT) + '|'
                + Math.round(amount * 100) + '|' + fields[3];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] digest = normalised.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 64; round++) {
            digest = sha.digest(digest);
        }
        return digest;
    }
}
