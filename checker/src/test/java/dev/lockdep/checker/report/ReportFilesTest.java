package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the files go, and what an unwritable one does: one error naming it, no crash. */
class ReportFilesTest {
  @TempDir Path dir;

  @Test
  void missingFoldersAreCreated() throws Exception {
    Path sarif = dir.resolve("deep/er/lockdep.sarif");
    Path graph = dir.resolve("other/lockdep.mmd");
    PluginRun.compileTree(PluginRun.program("LockOrderInversion"), Files.createDirectories(dir.resolve("classes")),
        "Sarif=" + sarif, "Graph=" + graph);
    assertTrue(Files.size(sarif) > 0);
    assertTrue(Files.readString(graph).contains("flowchart LR"));
  }

  @Test
  void anUnwritableFileIsOneErrorNamingIt() throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "not a folder");
    Path sarif = blocker.resolve("lockdep.sarif");
    List<PluginRun.Diag> all =
        PluginRun.compileTree(PluginRun.program("LockOrderInversion-fixed"), Files.createDirectories(dir.resolve("classes")),
            "Sarif=" + sarif, "Graph=" + dir.resolve("ok.dot"));
    List<PluginRun.Diag> errors = all.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), all::toString);
    assertTrue(errors.get(0).message().startsWith("[LockdepCheck] cannot write the SARIF file " + sarif + ": "), errors.get(0)::message);
    // The other file is still written.
    assertTrue(Files.readString(dir.resolve("ok.dot")).startsWith("// LockdepCheck lock graph"));
  }
}
