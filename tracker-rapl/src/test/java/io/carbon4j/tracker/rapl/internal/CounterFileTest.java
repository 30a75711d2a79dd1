package io.carbon4j.tracker.rapl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CounterFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"123\n\"                  | 123",
        "\" 4200000 \n\"            | 4200000",
        "\"0\"                      | 0",
        "\"9223372036854775807\n\"  | 9223372036854775807",
        "\"9223372036854775808\n\"  | -1",
        "\"99999999999999999999\n\" | -1",
        "\"\"                       | -1",
        "\"\n\"                     | -1",
        "\"12a\n\"                  | -1",
        "\"-5\n\"                   | -1",
        "\"1 2\n\"                  | -1",
        "\"+7\n\"                   | -1",
    })
    void parse_sysfsText_acceptsOnlyUnsignedDecimals(String text, long expected) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocateDirect(64);
        buf.put(bytes);

        assertThat(UnsignedDecimal.parse(buf, 0, bytes.length)).isEqualTo(expected);
        assertThat(UnsignedDecimal.parse(text)).isEqualTo(expected);
    }

    @Test
    void read_fileChanged_isReadAgainFromOffsetZero() throws IOException {
        Path file = Files.writeString(dir.resolve("energy_uj"), "123456789\n");
        try (CounterFile counter = new CounterFile(file, FileAccess.files())) {
            assertThat(counter.read()).isEqualTo(123456789L);
            Files.writeString(file, "7\n");
            assertThat(counter.read()).isEqualTo(7L);
            Files.writeString(file, "123456789012\n");
            assertThat(counter.read()).isEqualTo(123456789012L);
        }
    }

    @Test
    void read_fileLongerThanACounter_isInvalid() throws IOException {
        Path file = Files.writeString(dir.resolve("energy_uj"), "1".repeat(10) + " ".repeat(40) + "\n");
        try (CounterFile counter = new CounterFile(file, FileAccess.files())) {
            assertThat(counter.read()).isEqualTo(UnsignedDecimal.INVALID);
        }
    }

    @Test
    void read_valueWithoutNewline_isReadToEndOfFile() throws IOException {
        Path file = Files.writeString(dir.resolve("energy_uj"), "98765");
        try (CounterFile counter = new CounterFile(file, FileAccess.files())) {
            assertThat(counter.read()).isEqualTo(98765L);
        }
    }

    @Test
    void read_ioErrorOnRead_isInvalidThenReopens() throws IOException {
        Path file = Files.writeString(dir.resolve("energy_uj"), "55\n");
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger failReads = new AtomicInteger(1);
        FileAccess flaky = path -> {
            opens.incrementAndGet();
            SeekableByteChannel real = Files.newByteChannel(path);
            return new ForwardingChannel(real) {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    if (failReads.getAndDecrement() > 0) {
                        throw new IOException("EIO");
                    }
                    return super.read(dst);
                }
            };
        };
        try (CounterFile counter = new CounterFile(file, flaky)) {
            assertThat(counter.read()).isEqualTo(UnsignedDecimal.INVALID);
            assertThat(counter.read()).isEqualTo(55L);
            assertThat(counter.read()).isEqualTo(55L);
        }
        assertThat(opens).hasValue(2);
    }

    @Test
    void read_openKeepsFailing_backsOffUpTo64Reads() throws IOException {
        AtomicInteger opens = new AtomicInteger();
        FileAccess missing = path -> {
            opens.incrementAndGet();
            throw new java.nio.file.NoSuchFileException(path.toString());
        };
        try (CounterFile counter = new CounterFile(dir.resolve("energy_uj"), missing)) {
            for (int i = 0; i < 1000; i++) {
                assertThat(counter.read()).isEqualTo(UnsignedDecimal.INVALID);
            }
        }
        // 1 + 1 + 2 + 4 ... + 64 skipped reads between attempts: about 1000 / 65 + 7 attempts, not 1000.
        assertThat(opens.get()).isBetween(15, 30);
    }

    @Test
    void close_twice_isIdempotentAndLaterReadsAreInvalid() throws IOException {
        Path file = Files.writeString(dir.resolve("energy_uj"), "1\n");
        CounterFile counter = new CounterFile(file, FileAccess.files());
        assertThat(counter.read()).isEqualTo(1L);

        counter.close();
        counter.close();

        assertThat(counter.read()).isEqualTo(UnsignedDecimal.INVALID);
    }

    /** A channel that delegates; not a FileChannel, so it also covers the position-then-read path. */
    private static class ForwardingChannel implements SeekableByteChannel {
        private final SeekableByteChannel delegate;

        ForwardingChannel(SeekableByteChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return delegate.write(src);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
