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

/** lockdep's "<IRQ>-safe -> <IRQ>-unsafe lock order detected", over the composed program. */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A lock taken in interrupt context is held while a lock taken with interrupts enabled is acquired: an interrupt can deadlock the thread it interrupts",
    severity = ERROR,
    tags = CONCURRENCY,
    linkType = CUSTOM,
    link = "docs/checks/IrqSafeToUnsafe.md")
public final class IrqSafeToUnsafe extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Loaded by Error Prone's ServiceLoader. */
  public IrqSafeToUnsafe() {}

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    return ErrorProneFrontEnd.report(this, CheckKind.IrqSafeToUnsafe, tree, state);
  }
}
