package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.PseudoLock;

/**
 * The fix hint of a finding, fitted to the case. The lock graph already picks the kind of fix
 * (reorder or {@code @Nested}, {@code @GfpFlags(NOFS)}, {@code @IrqsDisabled}, moving a wait out);
 * for a plain lock-order cycle this adds where to reorder: the closing acquisition, and the order
 * the rest of the cycle already uses.
 */
public final class FixHint {
  private FixHint() {}

  public static String of(Finding finding) {
    if (finding.kind() != CheckKind.LockOrderInversion
        || finding.chain().size() < 2
        || finding.locks().stream().anyMatch(c -> c.pseudo() != PseudoLock.NONE)) {
      return finding.hint();
    }
    DependencyEdge closing = finding.chain().get(finding.chain().size() - 1).dependency();
    DependencyEdge opposite = finding.chain().get(0).dependency();
    LockClass held = closing.from();
    LockClass acquired = closing.to();
    String where = closing.at().method().isEmpty() ? "at " + Sites.fileLine(closing.at()) : "in " + closing.at().method();
    String order =
        finding.chain().size() == 2 && !opposite.at().method().isEmpty()
            ? ", the order " + opposite.at().method() + " uses"
            : ", the order the rest of the cycle uses";
    return where + " acquire " + acquired.displayName() + " before " + held.displayName() + order
        + ", or release " + held.displayName() + " before acquiring " + acquired.displayName()
        + "; in general " + finding.hint();
  }
}
