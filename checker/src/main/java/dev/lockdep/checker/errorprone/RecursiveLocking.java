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

/** lockdep's "possible recursive locking detected", within one compilation unit. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A lock is acquired while its thread already holds it or another lock of its class: the thread can deadlock on itself",
    severity = ERROR,
    tags = CONCURRENCY,
    linkType = CUSTOM,
    link = "docs/checks/RecursiveLocking.md")
public final class RecursiveLocking extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Loaded by Error Prone's ServiceLoader. */
  public RecursiveLocking() {}

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return ErrorProneFrontEnd.report(this, CheckKind.RecursiveLocking, tree, state);
  }
}
