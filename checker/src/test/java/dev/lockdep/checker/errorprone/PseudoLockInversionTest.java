package dev.lockdep.checker.errorprone;

import com.google.errorprone.CompilationTestHelper;
import dev.lockdep.checker.Cases;
import dev.lockdep.lockgraph.CheckKind;
import org.junit.jupiter.api.Test;

/** Cycles through the pseudo-locks fs_reclaim and dma_fence_map, in both modes. */
class PseudoLockInversionTest {
  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(LockOrderInversion.class, Cases.class);
  }

  @Test
  void fires() {
    helper().addSourceFile(Cases.path("PseudoLockInversionPositive.java")).doTest();
  }

  @Test
  void staysSilent() {
    helper().addSourceFile(Cases.path("PseudoLockInversionNegative.java")).expectNoDiagnostics().doTest();
  }

  @Test
  void pluginFiresOnTheSameLines() {
    Cases.assertPluginMatchesMarkers("PseudoLockInversionPositive.java", CheckKind.LockOrderInversion);
  }

  @Test
  void pluginStaysSilent() {
    Cases.assertPluginMatchesMarkers("PseudoLockInversionNegative.java", CheckKind.LockOrderInversion);
  }
}
