package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline of known findings (WriteBaseline=FILE writes it, Baseline=FILE reads it): known
 * findings are notes, new ones fail; the key names no line, so moved code stays known.
 */
class BaselineTest {
  @TempDir Path dir;

  private static final String CYCLE =
      """
      package p;
      class C {
        static final Object A = new Object(), B = new Object();
        void ab() { synchronized (A) { synchronized (B) { } } }
        void ba() { synchronized (B) { synchronized (A) { } } }
      }
      """;

  private static final String NEW_CYCLE =
      """
      package p;
      class D {
        static final Object X = new Object(), Y = new Object();
        void xy() { synchronized (X) { synchronized (Y) { } } }
        void yx() { synchronized (Y) { synchronized (X) { } } }
      }
      """;

  private static List<PluginCompiler.Diag> errors(List<PluginCompiler.Diag> diagnostics) {
    return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
  }

  @Test
  void knownFindingsAreNotesNewOnesFailAndMovedCodeStaysKnown() throws IOException {
    Path baseline = dir.resolve("lockdep-baseline.txt");
    assertEquals(1, errors(PluginCompiler.compile(Map.of("p/C.java", CYCLE), "WriteBaseline=" + baseline)).size());
    assertTrue(Files.readString(baseline).contains("LockOrderInversion p.C.A -> p.C.B\n"), Files.readString(baseline));

    // Lines moved by an edit above the cycle: still the known finding, as a note.
    String moved = CYCLE.replace("class C {", "class C {\n  // a comment\n  int unrelated;\n");
    List<PluginCompiler.Diag> known = PluginCompiler.compile(Map.of("p/C.java", moved), "Baseline=" + baseline);
    assertEquals(List.of(), errors(known), known::toString);
    assertTrue(
        known.stream().anyMatch(d -> d.kind() == Diagnostic.Kind.NOTE
            && d.message().startsWith("[LockdepCheck] known finding, in the baseline: LockOrderInversion")),
        known::toString);

    List<PluginCompiler.Diag> withNew =
        errors(PluginCompiler.compile(Map.of("p/C.java", moved, "p/D.java", NEW_CYCLE), "Baseline=" + baseline));
    assertEquals(1, withNew.size(), withNew::toString);
    assertTrue(withNew.get(0).message().contains("closes the cycle D.X -> D.Y -> D.X"), withNew::toString);
  }

  @Test
  void aFixedProblemLeavesAStaleEntryNoted() throws IOException {
    Path baseline = dir.resolve("b.txt");
    PluginCompiler.compile(Map.of("p/C.java", CYCLE), "WriteBaseline=" + baseline);
    List<PluginCompiler.Diag> fixed =
        PluginCompiler.compile(Map.of("p/C.java", CYCLE.replace("synchronized (B) { synchronized (A) { } }", "")), "Baseline=" + baseline);
    assertTrue(fixed.stream().anyMatch(d -> d.message().startsWith("[LockdepCheck] 1 baseline entry matches no finding any more")),
        fixed::toString);
  }

  @Test
  void aMissingBaselineIsAnErrorAndEveryFindingFails() {
    Path missing = dir.resolve("absent.txt");
    List<PluginCompiler.Diag> found = errors(PluginCompiler.compile(Map.of("p/C.java", CYCLE), "Baseline=" + missing));
    assertTrue(found.stream().anyMatch(d -> d.message().equals("[LockdepCheck] baseline file " + missing + " does not exist")),
        found::toString);
    assertTrue(found.stream().anyMatch(d -> d.message().startsWith("[LockOrderInversion]")), found::toString);
  }

  @Test
  void sarifMarksBaselineStatesWithFingerprintsThatSurviveMovedLines() throws IOException {
    Path baseline = dir.resolve("b.txt");
    Path before = dir.resolve("before.sarif");
    PluginCompiler.compile(Map.of("p/C.java", CYCLE), "WriteBaseline=" + baseline, "Sarif=" + before);
    Path after = dir.resolve("after.sarif");
    String moved = CYCLE.replace("class C {", "class C {\n\n\n");
    PluginCompiler.compile(Map.of("p/C.java", moved, "p/D.java", NEW_CYCLE), "Baseline=" + baseline, "Sarif=" + after);
    JsonArray results = results(after);
    assertEquals(2, results.size(), results::toString);
    String known = fingerprint(results(before).get(0).getAsJsonObject());
    for (var result : results) {
      JsonObject r = result.getAsJsonObject();
      boolean isKnown = fingerprint(r).equals(known);
      assertEquals(isKnown ? "unchanged" : "new", r.get("baselineState").getAsString(), r::toString);
      assertEquals(isKnown ? "note" : "error", r.get("level").getAsString(), r::toString);
    }
    assertTrue(results.asList().stream().anyMatch(r -> fingerprint(r.getAsJsonObject()).equals(known)), "moved lines keep the fingerprint");
  }

  private static JsonArray results(Path sarif) throws IOException {
    return JsonParser.parseString(Files.readString(sarif)).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject()
        .getAsJsonArray("results");
  }

  private static String fingerprint(JsonObject result) {
    return result.getAsJsonObject("partialFingerprints").get("lockdepFinding/v2").getAsString();
  }
}
