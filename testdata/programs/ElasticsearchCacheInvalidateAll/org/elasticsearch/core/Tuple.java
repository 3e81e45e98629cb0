package org.elasticsearch.core;

public record Tuple<V1, V2>(V1 v1, V2 v2) {

    public static <V1, V2> Tuple<V1, V2> tuple(V1 v1, V2 v2) {
        return new Tuple<>(v1, v2);
    }
}
