package dev.lockdep.lockgraph.program;

import java.util.List;
import java.util.Objects;

/**
 * An object reached through back-pointers ({@link TypeFlow#backPointer}), which the composition
 * takes as the owner of where they start ({@link SummaryComposer#ownersLock}).
 *
 * @param name its name in the outermost caller's terms ({@code session.database})
 * @param start the length of the name of the object the back-pointers start from ({@code session})
 * @param types the types it may have, in name order
 */
record ReachedOwner(String name, int start, List<String> types) implements Comparable<ReachedOwner> {
  static final ReachedOwner[] NONE = {};

  ReachedOwner {
    Objects.requireNonNull(name);
    types = List.copyOf(types);
  }

  /** Its text in a frame's key: the name, the start and the types, each after a line break. */
  String text() {
    return name + '\n' + start + '\n' + String.join(",", types);
  }

  /** In the order of {@link #text()}: the order frames' keys see. */
  @Override
  public int compareTo(ReachedOwner other) {
    return text().compareTo(other.text());
  }
}
