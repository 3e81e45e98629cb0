package nessie.model;

import java.util.List;

/**
 * The namespace of a content key: the elements of its path. Its implementation is generated
 * ({@link ImmutableNamespace}); the empty one is kept in {@link NessieConstants}, a class of its
 * own, so that initializing this class makes no object of its subclass.
 */
public abstract class Namespace {
  public abstract List<String> getElements();

  public static ImmutableNamespace.Builder builder() {
    return ImmutableNamespace.builder();
  }

  public static Namespace of(String... elements) {
    if (elements.length == 0) {
      return NessieConstants.EMPTY_NAMESPACE;
    }
    return builder().elements(List.of(elements)).build();
  }

  public boolean isEmpty() {
    return getElements().isEmpty();
  }
}
