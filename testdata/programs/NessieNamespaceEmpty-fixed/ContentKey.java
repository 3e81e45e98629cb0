package nessie.model;

import java.util.List;

/** A key of the content tree: its namespace and name, made from a path. */
public final class ContentKey {
  private final Namespace namespace;
  private final String name;

  private ContentKey(Namespace namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  public static ContentKey of(String... elements) {
    List<String> path = List.of(elements);
    Namespace namespace = Namespace.of(path.subList(0, path.size() - 1).toArray(new String[0]));
    return new ContentKey(namespace, path.get(path.size() - 1));
  }

  public Namespace getNamespace() {
    return namespace;
  }

  public String getName() {
    return name;
  }
}
