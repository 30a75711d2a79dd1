package io.carbon4j.tracker.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/** Logs a condition at WARN the first time it is seen for a key, then at DEBUG, so a degraded source never floods the log. */
final class WarnOnce {

    private final Logger log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    WarnOnce(Logger log) {
        this.log = log;
    }

    /** Returns true when this was the first time for {@code key}. */
    boolean warn(String key, String format, Object... args) {
        if (seen.add(key)) {
            log.warn(format, args);
            return true;
        }
        if (log.isDebugEnabled()) {
            log.debug(format, args);
        }
        return false;
    }
}
