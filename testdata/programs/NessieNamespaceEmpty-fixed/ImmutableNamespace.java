package nessie.model;

import java.util.List;

/** What the annotation processor generates for {@link Namespace}: a public class with public factories. */
public final class ImmutableNamespace extends Namespace {
  private final List<String> elements;

  private ImmutableNamespace(List<String> elements) {
    this.elements = List.copyOf(elements);
  }

  @Override
  public List<String> getElements() {
    return elements;
  }

  public static ImmutableNamespace copyOf(Namespace instance) {
    return instance instanceof ImmutableNamespace made ? made : new ImmutableNamespace(instance.getElements());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private List<String> elements = List.of();

    public Builder elements(List<String> elements) {
      this.elements = elements;
      return this;
    }

    public ImmutableNamespace build() {
      return new ImmutableNamespace(elements);
    }
  }
}
