package dev.imageautomation.git;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per key, shared by the whole process. Locks are kept for the life of the process; there is one
 * per repository/branch the operator touches, which is a small, bounded set.
 */
final class KeyedLocks {

    /** Cached clones: one workspace at a time per cache directory. */
    static final KeyedLocks CACHES = new KeyedLocks();
    /** Pushes: one automation at a time per (repository URL, push branch), so they do not race each other. */
    static final KeyedLocks PUSH_BRANCHES = new KeyedLocks();

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Blocks until the key's lock is held; the returned handle releases it. */
    Held lock(String key) {
        ReentrantLock lock = locks.computeIfAbsent(key, ignored -> new ReentrantLock(true));
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while waiting for another automation on the same repository");
        }
        return lock::unlock;
    }

    /** A held lock; closing it releases the lock. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
