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

/** lockdep's "possible circular locking dependency detected", within one compilation unit. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Locks are nested in orders that form a cycle: threads taking them in different orders can deadlock",
    severity = ERROR,
    tags = CONCURRENCY,
    linkType = CUSTOM,
    link = "docs/checks/LockOrderInversion.md")
public final class LockOrderInversion extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Loaded by Error Prone's ServiceLoader. */
  public LockOrderInversion() {}

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return ErrorProneFrontEnd.report(this, CheckKind.LockOrderInversion, tree, state);
  }
}
