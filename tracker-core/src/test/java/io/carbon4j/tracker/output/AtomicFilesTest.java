package io.carbon4j.tracker.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replace_contentFailsMidway_previousFileIntactAndNoTemporaryLeft() throws IOException {
        Path file = dir.resolve("emissions.csv");
        Files.writeString(file, "header\nrow 1\n");

        assertThatThrownBy(() -> AtomicFiles.replace(file, out -> {
            out.write("header\nrow 1\nhalf a r");
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessageContaining("No space left");

        assertThat(file).hasContent("header\nrow 1\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replace_existingFile_isReplacedWhole() throws IOException {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "old old old");
        AtomicFiles.replace(file, out -> out.write("new"));
        assertThat(file).hasContent("new");
    }

    @Test
    void replace_parentIsARegularFile_throwsIOException() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        assertThatThrownBy(() -> AtomicFiles.replace(blocker.resolve("f.txt"), out -> out.write("x")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void locked_runsWorkAndReturnsItsValue() throws IOException {
        assertThat(AtomicFiles.locked(dir.resolve("f.txt"), () -> 42)).isEqualTo(42);
        assertThat(AtomicFiles.locked(dir.resolve("f.txt"), () -> 43)).isEqualTo(43);
    }
}
