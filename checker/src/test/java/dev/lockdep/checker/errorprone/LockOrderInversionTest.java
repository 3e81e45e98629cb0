package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class LockOrderInversionTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(LockOrderInversion.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("LockOrderInversionPositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("LockOrderInversionNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("LockOrderInversionPositive.java", CheckKind.LockOrderInversion);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("LockOrderInversionNegative.java", CheckKind.LockOrderInversion);
  }
}
