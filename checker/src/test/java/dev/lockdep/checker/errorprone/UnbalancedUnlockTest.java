package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class UnbalancedUnlockTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(UnbalancedUnlock.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("UnbalancedUnlockPositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("UnbalancedUnlockNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("UnbalancedUnlockPositive.java", CheckKind.UnbalancedUnlock);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("UnbalancedUnlockNegative.java", CheckKind.UnbalancedUnlock);
  }
}
