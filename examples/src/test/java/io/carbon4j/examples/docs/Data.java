package io.carbon4j.examples.docs;

/** A stand-in for "your data" in documentation snippets. */
public class Data {}
