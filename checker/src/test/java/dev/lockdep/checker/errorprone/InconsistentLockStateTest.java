package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class InconsistentLockStateTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(InconsistentLockState.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("InconsistentLockStatePositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("InconsistentLockStateNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("InconsistentLockStatePositive.java", CheckKind.InconsistentLockState);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("InconsistentLockStateNegative.java", CheckKind.InconsistentLockState);
  }
}
