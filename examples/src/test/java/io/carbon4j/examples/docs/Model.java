package io.carbon4j.examples.docs;

/** A stand-in for "your model" in documentation snippets. */
public class Model {}
