package io.carbon4j.tracker.nvml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which NVML devices a process may use, by the rules CUDA applies to {@code CUDA_VISIBLE_DEVICES}.
 *
 * <ul>
 *   <li>Unset: every device. Set but empty (or blank): none.</li>
 *   <li>A comma-separated list of entries, each a device index, a {@code GPU-} UUID prefix that matches exactly one
 *       device, or a {@code MIG-} device UUID.</li>
 *   <li>The first invalid entry (unknown index, ambiguous or unknown prefix, unknown MIG device, anything else) ends
 *       the list: CUDA ignores it and everything after it.</li>
 *   <li>A MIG entry stands for its parent GPU, because NVML measures energy and power only for the whole board.
 *       Repeated devices (two MIG instances of one GPU) are listed once.</li>
 * </ul>
 *
 * <p>Indices are NVML indices (PCI bus order). CUDA numbers devices fastest-first unless
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}, so on a machine with mixed GPU models an index may name a different board
 * than CUDA does; UUIDs are unambiguous.
 */
final class VisibleDevices {

    /** The environment variable CUDA reads. */
    static final String VARIABLE = "CUDA_VISIBLE_DEVICES";

    private VisibleDevices() {}

    /**
     * The selection.
     *
     * @param indices the NVML indices of the selected devices, in the order listed, without repeats
     * @param notes   why entries were ignored, for a log line; empty when everything was understood
     */
    record Selection(List<Integer> indices, List<String> notes) {}

    /**
     * Applies {@code spec} to the devices whose UUIDs are {@code uuids} (position = NVML index).
     *
     * @param spec          the variable's value, or {@code null} when unset
     * @param migParentUuid the UUID of the physical GPU that holds a MIG device, if NVML knows the MIG UUID
     */
    static Selection select(String spec, List<String> uuids, Function<String, Optional<String>> migParentUuid) {
        List<Integer> indices = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (spec == null) {
            for (int i = 0; i < uuids.size(); i++) {
                indices.add(i);
            }
            return new Selection(List.copyOf(indices), List.of());
        }
        if (spec.isBlank()) {
            return new Selection(List.of(), List.of());
        }
        String[] entries = spec.split(",", -1);
        for (int e = 0; e < entries.length; e++) {
            String entry = entries[e].trim();
            int index = resolve(entry, uuids, migParentUuid);
            if (index < 0) {
                notes.add("entry '" + entry + "' of " + VARIABLE + "='" + spec + "' matches no single GPU; like CUDA, "
                        + "it and the " + (entries.length - e - 1) + " entries after it are ignored");
                break;
            }
            if (!indices.contains(index)) {
                indices.add(index);
            }
        }
        return new Selection(List.copyOf(indices), List.copyOf(notes));
    }

    private static int resolve(String entry, List<String> uuids, Function<String, Optional<String>> migParentUuid) {
        if (entry.isEmpty()) {
            return -1;
        }
        String upper = entry.toUpperCase(Locale.ROOT);
        if (upper.startsWith("MIG-")) {
            Optional<String> parent = migParentUuid.apply(entry);
            if (parent.isEmpty()) {
                // Old drivers name MIG devices MIG-GPU-<parent uuid>/<gi>/<ci>; the parent is in the name.
                int slash = entry.indexOf('/');
                if (upper.startsWith("MIG-GPU-") && slash > 0) {
                    parent = Optional.of(entry.substring(4, slash));
                }
            }
            return parent.map(p -> uniquePrefix(p, uuids)).orElse(-1);
        }
        if (upper.startsWith("GPU-")) {
            return uniquePrefix(entry, uuids);
        }
        return index(entry, uuids.size());
    }

    /**
     * The one device whose UUID starts with {@code prefix}. "GPU-" alone, or a prefix two devices share, picks
     * nothing: guessing between boards would charge the wrong GPU.
     */
    private static int uniquePrefix(String prefix, List<String> uuids) {
        if (prefix.length() <= 4) {
            return -1;
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        int found = -1;
        for (int i = 0; i < uuids.size(); i++) {
            if (uuids.get(i).toLowerCase(Locale.ROOT).startsWith(p)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static int index(String entry, int count) {
        if (entry.length() > 6) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value < count ? value : -1;
    }
}
