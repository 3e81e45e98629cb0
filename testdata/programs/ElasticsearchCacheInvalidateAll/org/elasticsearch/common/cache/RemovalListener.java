package org.elasticsearch.common.cache;

@FunctionalInterface
public interface RemovalListener<K, V> {

    /**
     * Notifies the listener of a removal
     * @param notification the details of the removed entry
     */
    void onRemoval(RemovalNotification<K, V> notification);
}
