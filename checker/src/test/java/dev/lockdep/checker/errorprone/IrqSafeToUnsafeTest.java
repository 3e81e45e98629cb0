package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class IrqSafeToUnsafeTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(IrqSafeToUnsafe.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("IrqSafeToUnsafePositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("IrqSafeToUnsafeNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("IrqSafeToUnsafePositive.java", CheckKind.IrqSafeToUnsafe);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("IrqSafeToUnsafeNegative.java", CheckKind.IrqSafeToUnsafe);
  }
}
