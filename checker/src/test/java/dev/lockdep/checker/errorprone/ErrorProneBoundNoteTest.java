package dev.lockdep.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockdep.lockgraph.program.SummaryComposer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under Error Prone alone, a bound composition reaches is said too, as under the plugin. */
class ErrorProneBoundNoteTest {
  @TempDir Path dir;

  @Test
  void aCallChainPastTheBoundIsANote() throws IOException {
    StringBuilder deep =
        new StringBuilder("package p;\nclass Deep {\n  final Object a = new Object();\n  final Object b = new Object();\n");
    deep.append("  void d0() { synchronized (a) { d1(); } }\n");
    int depth = SummaryComposer.MAX_CALL_DEPTH + 4;
    for (int i = 1; i <= depth; i++) {
      deep.append("  void d").append(i).append("() { ").append(i < depth ? "d" + (i + 1) + "();" : "synchronized (b) { }").append(" }\n");
    }
    Path source = Files.createDirectories(dir.resolve("src/p")).resolve("Deep.java");
    Files.writeString(source, deep.append("}\n").toString());
    List<String> notes =
        ErrorProneRun.diagnostics(List.of(source), dir.resolve("out"), "-Xep:LockOrderInversion:ERROR").stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> m.contains("[composition bound]"))
            .toList();
    assertEquals(1, notes.size(), notes::toString);
  }
}
