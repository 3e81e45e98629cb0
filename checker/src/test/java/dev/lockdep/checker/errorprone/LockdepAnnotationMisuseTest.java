package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

class LockdepAnnotationMisuseTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(LockdepAnnotationMisuse.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("LockdepAnnotationMisusePositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("LockdepAnnotationMisuseNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("LockdepAnnotationMisusePositive.java", CheckKind.LockdepAnnotationMisuse);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("LockdepAnnotationMisuseNegative.java", CheckKind.LockdepAnnotationMisuse);
  }
}
