package io.carbon4j.examples;

/** Placeholder until the demo lands. */
public final class Demo {
    private Demo() {}

    /** Entry point. */
    public static void main(String[] args) {}
}
