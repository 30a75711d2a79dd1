package io.carbon4j.tracker.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that owns one source: every {@code read} and the {@code close} of a source run on its reader, so a
 * source that blocks delays only itself while the other sources keep their cadence. Hand-offs use park/unpark and
 * volatile counters, so a read allocates nothing.
 */
final class SourceReader implements Runnable {

    private final SourceSlot slot;
    private final Thread thread;
    private volatile int requested;
    private volatile int completed;
    private volatile boolean closeRequested;
    private volatile boolean closed;
    private volatile Thread waiter;
    private volatile Throwable error;

    SourceReader(SourceSlot slot, ThreadFactory factory) {
        this.slot = slot;
        this.thread = factory.newThread(this);
    }

    void start() {
        thread.start();
    }

    /** Whether no request is in flight. */
    boolean idle() {
        return requested == completed;
    }

    /** Asks for one read into the slot's sample; the caller must have cleared it and checked {@link #idle()}. */
    void requestRead() {
        waiter = Thread.currentThread();
        requested = requested + 1;
        LockSupport.unpark(thread);
    }

    /** Asks the reader to close the source and end; returns false if a read is still in flight (a hung source). */
    boolean requestClose() {
        if (!idle()) {
            return false;
        }
        waiter = Thread.currentThread();
        closeRequested = true;
        requested = requested + 1;
        LockSupport.unpark(thread);
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** The failure of the last read, or null. */
    Throwable error() {
        return error;
    }

    /** Waits until idle or until {@code deadlineNanos} (System.nanoTime); true when idle. */
    boolean awaitIdle(long deadlineNanos) {
        while (!idle()) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, remaining);
        }
        return true;
    }

    @Override
    public void run() {
        while (true) {
            while (requested == completed) {
                LockSupport.park(this);
            }
            int r = requested;
            if (closeRequested) {
                slot.closeQuietly();
                closed = true;
                completed = r;
                LockSupport.unpark(waiter);
                return;
            }
            try {
                slot.source.read(slot.sample);
                error = null;
            } catch (RuntimeException | LinkageError e) {
                error = e;
            } catch (Throwable t) {
                error = t;
                completed = r;
                LockSupport.unpark(waiter);
                throw t;
            }
            completed = r;
            LockSupport.unpark(waiter);
        }
    }
}
