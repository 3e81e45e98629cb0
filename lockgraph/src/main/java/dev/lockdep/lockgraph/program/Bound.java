package dev.lockdep.lockgraph.program;

import java.util.Objects;

/** A callback with the frame it was created in. */
final class Bound {
  final MethodSummary.Callback callback;
  final Frame frame;

  Bound(MethodSummary.Callback callback, Frame frame) {
    this.callback = callback;
    this.frame = frame;
  }

  boolean same(Bound other) {
    MethodSummary.Callback a = callback;
    MethodSummary.Callback b = other.callback;
    return frame == other.frame
        && (a == b
            || (a.target().equals(b.target()) && Objects.equals(a.receiver(), b.receiver())
                && a.functional() == b.functional()));
  }
}
