package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class SleepInAtomicContextTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(SleepInAtomicContext.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("SleepInAtomicContextPositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("SleepInAtomicContextNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("SleepInAtomicContextPositive.java", CheckKind.SleepInAtomicContext);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("SleepInAtomicContextNegative.java", CheckKind.SleepInAtomicContext);
  }
}
