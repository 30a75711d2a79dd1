package io.carbon4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles every {@code ```java} block of the README and of the documentation pages listed in {@link #PAGES}
 * against the test class path, so that the documented code cannot drift from the API.
 *
 * <h2>Convention for documentation authors</h2>
 * <ul>
 *   <li>A block with a line that starts (in column 0) with {@code package}, {@code import}, or a type declaration
 *       ({@code public final class Trainer}, {@code record ...}, {@code interface ...}) is a <b>compilation
 *       unit</b>: it is compiled as a file of its own.</li>
 *   <li>Any other block is a <b>statement snippet</b>: it is compiled as the body of
 *       {@code void snippet() throws Exception} in a class that extends
 *       {@link io.carbon4j.examples.docs.DocContext}, which supplies "your code": {@code train()},
 *       {@code validate()}, {@code doWork()}, {@code process(record)}, {@code epochs}, {@code model},
 *       {@code data}, {@code records}.</li>
 *   <li>A block preceded by the line {@code <!-- java: class-body -->} is compiled as the members of such a class
 *       (fields and methods, e.g. a test method).</li>
 *   <li>A block preceded by {@code <!-- java: skip -->} is not compiled; use it only for deliberately incomplete
 *       code, and say so in the text.</li>
 *   <li>Every block sees, without writing them, the imports {@code io.carbon4j.tracker.*},
 *       {@code io.carbon4j.tracker.spi.*}, {@code io.carbon4j.tracker.output.*},
 *       {@code io.carbon4j.tracker.intensity.*}, {@code io.carbon4j.tracker.junit.*}, {@code io.carbon4j.examples.*},
 *       {@code io.carbon4j.examples.docs.*} ({@code Model}, {@code Data}), {@code java.util.*},
 *       {@code java.time.*}, {@code java.nio.file.*} and {@code java.io.*}. Imports written in the block are kept,
 *       and win over these.</li>
 * </ul>
 */
class DocsCodeBlocksTest {

    /** The pages whose blocks are compiled, relative to the repository root. */
    static final List<String> PAGES = List.of("README.md", "docs/getting-started.md", "docs/library-authors.md",
            "docs/examples.md", "docs/measurement.md");

    private static final String IMPORTS = "import io.carbon4j.tracker.*; import io.carbon4j.tracker.spi.*;"
            + " import io.carbon4j.tracker.output.*; import io.carbon4j.tracker.intensity.*;"
            + " import io.carbon4j.tracker.junit.*; import io.carbon4j.examples.*; import io.carbon4j.examples.docs.*;"
            + " import java.util.*; import java.time.*; import java.nio.file.*; import java.io.*;";
    private static final Pattern FENCE = Pattern.compile("^```java\\s*$");
    private static final Pattern UNIT_LINE = Pattern.compile(
            "^(package |import |((public|final|abstract|sealed|non-sealed|static)\\s+)*(class|interface|record|enum|@interface)\\s+\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+((final|abstract|sealed|non-sealed)\\s+)*(class|interface|record|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @TempDir
    Path out;

    /** One fenced block: where it is, how to compile it, and its text. */
    record Block(String page, int line, String kind, String code) {
        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    static Stream<Block> blocks() throws IOException {
        Path root = repositoryRoot();
        List<Block> blocks = new ArrayList<>();
        for (String page : PAGES) {
            blocks.addAll(extract(page, Files.readAllLines(root.resolve(page))));
        }
        return blocks.stream();
    }

    static List<Block> extract(String page, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE.matcher(lines.get(i)).matches()) {
                continue;
            }
            String marker = i > 0 ? lines.get(i - 1).strip() : "";
            int start = i + 1;
            StringBuilder code = new StringBuilder();
            int j = start;
            while (j < lines.size() && !lines.get(j).startsWith("```")) {
                code.append(lines.get(j)).append('\n');
                j++;
            }
            i = j;
            if (marker.equals("<!-- java: skip -->")) {
                continue;
            }
            String kind;
            if (marker.equals("<!-- java: class-body -->")) {
                kind = "class-body";
            } else if (code.toString().lines().anyMatch(l -> UNIT_LINE.matcher(l).find())) {
                kind = "unit";
            } else {
                kind = "statements";
            }
            blocks.add(new Block(page, start + 1, kind, code.toString()));
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void block_documented_compiles(Block block) {
        assertThat(compile(block)).as("compiling the %s block at %s:%n%s", block.kind(), block, block.code())
                .isEmpty();
    }

    @Test
    void blocks_pages_haveJavaBlocks() throws IOException {
        assertThat(blocks().map(Block::page).distinct()).contains("README.md", "docs/getting-started.md",
                "docs/library-authors.md", "docs/examples.md");
    }

    @Test
    void compile_blockWithWrongApiCall_reportsTheError() {
        Block wrong = new Block("test", 1, "statements", "EmissionsTracker.builder().noSuchSetting(1).start();\n");

        assertThat(compile(wrong)).singleElement().asString().contains("noSuchSetting");
    }

    @Test
    void extract_markersAndKinds_classifiesBlocks() {
        List<String> md = List.of("text", "```java", "import java.util.List;", "class A {}", "```",
                "<!-- java: skip -->", "```java", "broken(", "```", "```java", "train();", "```",
                "<!-- java: class-body -->", "```java", "void m() {}", "```", "```sh", "ls", "```");

        assertThat(extract("p.md", md)).extracting(Block::kind, Block::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unit", 3),
                        org.assertj.core.groups.Tuple.tuple("statements", 11),
                        org.assertj.core.groups.Tuple.tuple("class-body", 15));
    }

    /** Compiles one block; returns the error messages, with the line in the block. */
    private List<String> compile(Block block) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String name;
        String source;
        int offset;
        switch (block.kind()) {
            case "unit": {
                Matcher pkg = PACKAGE.matcher(block.code());
                Matcher type = PUBLIC_TYPE.matcher(block.code());
                name = type.find() ? type.group(4) : "Snippet";
                if (pkg.find()) {
                    // The package line must come first; the default imports go after it.
                    String code = block.code();
                    int end = pkg.end();
                    source = code.substring(0, end) + " " + IMPORTS + code.substring(end);
                    name = pkg.group(1).replace('.', '/') + "/" + name;
                    offset = 0;
                } else {
                    source = IMPORTS + "\n" + block.code();
                    offset = 1;
                }
                break;
            }
            case "class-body":
                name = "Snippet";
                source = IMPORTS + "\nclass Snippet extends DocContext {\n" + block.code() + "}\n";
                offset = 2;
                break;
            default:
                name = "Snippet";
                source = IMPORTS + "\nclass Snippet extends DocContext {\nvoid snippet() throws Exception {\n"
                        + block.code() + "}\n}\n";
                offset = 3;
        }
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                "-proc:none", "-Xlint:none");
        javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("block line " + (d.getLineNumber() - offset) + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("README.md")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
