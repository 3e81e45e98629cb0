package nessie.model;

import java.util.Collections;
import java.util.List;

/**
 * The namespace of a content key: the elements of its path. Its implementation is generated
 * ({@link ImmutableNamespace}); the empty one is kept in a constant.
 */
public abstract class Namespace {
  /** The namespace with no element. */
  public static final Namespace EMPTY = builder().elements(Collections.emptyList()).build();

  public abstract List<String> getElements();

  public static ImmutableNamespace.Builder builder() {
    return ImmutableNamespace.builder();
  }

  public static Namespace of(String... elements) {
    if (elements.length == 0) {
      return EMPTY;
    }
    return builder().elements(List.of(elements)).build();
  }

  public boolean isEmpty() {
    return getElements().isEmpty();
  }
}
