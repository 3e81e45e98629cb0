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

/** lockdep's "sleeping function called from invalid context", over the composed program. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A call that can block (a reclaiming allocation or a fence wait) runs in interrupt context or with interrupts disabled",
    severity = ERROR,
    tags = CONCURRENCY,
    linkType = CUSTOM,
    link = "docs/checks/SleepInAtomicContext.md")
public final class SleepInAtomicContext extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Loaded by Error Prone's ServiceLoader. */
  public SleepInAtomicContext() {}

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return ErrorProneFrontEnd.report(this, CheckKind.SleepInAtomicContext, tree, state);
  }
}
