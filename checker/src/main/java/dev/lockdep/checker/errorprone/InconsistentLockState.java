package dev.lockdep.checker.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.BugPattern.StandardTags.CONCURRENCY;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import dev.lockdep.lockgraph.CheckKind;

/** lockdep's "inconsistent lock state", over the composed program. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A lock is taken both in interrupt context and with interrupts enabled: an interrupt can deadlock the thread it interrupts",
    severity = ERROR,
    tags = CONCURRENCY,
    linkType = CUSTOM,
    link = "docs/checks/InconsistentLockState.md")
public final class InconsistentLockState extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Loaded by Error Prone's ServiceLoader. */
  public InconsistentLockState() {}

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return ErrorProneFrontEnd.report(this, CheckKind.InconsistentLockState, tree, state);
  }
}
