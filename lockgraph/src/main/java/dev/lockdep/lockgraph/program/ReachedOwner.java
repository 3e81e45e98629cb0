package dev.lockdep.lockgraph.program;

import java.util.List;
import java.util.Objects;

/**
 * An object reached through back-pointers ({@link TypeFlow#backPointer}), which the composition
 * takes as the owner of where they start ({@link SummaryComposer#ownersLock}). Its text is made
 * once: frames compare and hash their owners each time a call's frame is looked up.
 */
final class ReachedOwner implements Comparable<ReachedOwner> {
  static final ReachedOwner[] NONE = {};

  private final String name;
  private final int start;
  private final List<String> types;
  private final String text;

  /**
   * @param name its name in the outermost caller's terms ({@code session.database})
   * @param start the length of the name of the object the back-pointers start from ({@code session})
   * @param types the types it may have, in name order
   */
  ReachedOwner(String name, int start, List<String> types) {
    this.name = Objects.requireNonNull(name);
    this.start = start;
    this.types = List.copyOf(types);
    this.text = name + '\n' + start + '\n' + String.join(",", this.types);
  }

  String name() {
    return name;
  }

  int start() {
    return start;
  }

  List<String> types() {
    return types;
  }

  /** Its text in a frame's key: the name, the start and the types, each after a line break. */
  String text() {
    return text;
  }

  /** In the order of {@link #text()}: the order frames' keys see. */
  @Override
  public int compareTo(ReachedOwner other) {
    return text.compareTo(other.text);
  }

  /** The same name, start and types: the same text, since names and types hold no line break or comma. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ReachedOwner reached && text.equals(reached.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "ReachedOwner[name=" + name + ", start=" + start + ", types=" + types + "]";
  }
}
