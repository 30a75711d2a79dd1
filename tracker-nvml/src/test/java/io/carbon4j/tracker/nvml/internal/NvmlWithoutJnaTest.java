package io.carbon4j.tracker.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbon4j.tracker.spi.PowerSourceProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The provider on a class path without the JNA jar, as when a user adds tracker-nvml but excludes JNA: discovery
 * must still instantiate it, and probing must answer "unavailable" instead of failing with a linkage error.
 */
class NvmlWithoutJnaTest {

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Object provider(ClassLoader loader) throws ReflectiveOperationException {
        return loader.loadClass(NvmlPowerSourceProvider.class.getName()).getConstructor().newInstance();
    }

    /** An existing (empty) file where the library should be, so that loading goes as far as JNA. */
    private static final java.nio.file.Path LIBRARY = emptyLibrary();

    private static java.nio.file.Path emptyLibrary() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("nvml-without-jna");
            dir.toFile().deleteOnExit();
            java.nio.file.Path lib = java.nio.file.Files.createFile(dir.resolve("libnvidia-ml.so.1"));
            lib.toFile().deleteOnExit();
            return lib;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object context(ClassLoader loader) throws ClassNotFoundException {
        Class<?> type = loader.loadClass("io.carbon4j.tracker.spi.SourceContext");
        return Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "nvmlLibrary":
                    // A configured library: the probe must then try JNA (without one it answers "no driver" first).
                    return Optional.of(LIBRARY);
                case "property":
                    return Optional.empty();
                case "nanoTime":
                case "processId":
                    return 1L;
                default:
                    return null;
            }
        });
    }

    @Test
    void probe_jnaAbsent_isUnavailableAndNamesJna() throws Exception {
        URL[] path = {location(NvmlPowerSourceProvider.class), location(PowerSourceProvider.class),
            location(LoggerFactory.class)};
        // Bootstrap parent: the platform loader would delegate to the application's modules, JNA among them.
        try (URLClassLoader loader = new URLClassLoader(path, null)) {
            assertThatThrownBy(() -> loader.loadClass("com.sun.jna.Library")).isInstanceOf(ClassNotFoundException.class);
            Object provider = provider(loader);
            Class<?> contextType = loader.loadClass("io.carbon4j.tracker.spi.SourceContext");
            Method probe = provider.getClass().getMethod("probe", contextType);

            Object availability = probe.invoke(provider, context(loader));

            assertThat(availability.getClass().getMethod("isAvailable").invoke(availability)).isEqualTo(false);
            assertThat((String) availability.getClass().getMethod("reason").invoke(availability))
                    .contains("JNA").contains("#nvml-not-found");
            Method open = provider.getClass().getMethod("open", contextType);
            assertThatThrownBy(() -> open.invoke(provider, context(loader)))
                    .isInstanceOf(InvocationTargetException.class)
                    .extracting(Throwable::getCause)
                    .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("PowerSourceException"));
        }
    }
}
