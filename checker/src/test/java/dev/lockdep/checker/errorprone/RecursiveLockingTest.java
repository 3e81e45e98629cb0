package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class RecursiveLockingTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(RecursiveLocking.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("RecursiveLockingPositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("RecursiveLockingNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("RecursiveLockingPositive.java", CheckKind.RecursiveLocking);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("RecursiveLockingNegative.java", CheckKind.RecursiveLocking);
  }
}
