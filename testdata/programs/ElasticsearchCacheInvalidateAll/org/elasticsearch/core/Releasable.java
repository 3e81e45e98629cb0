package org.elasticsearch.core;

import java.io.Closeable;

/**
 * Specialization of {@link AutoCloseable} for calls that might not throw a checked exception.
 */
public interface Releasable extends Closeable {

    @Override
    void close();
}
