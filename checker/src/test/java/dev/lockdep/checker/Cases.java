package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.CheckKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/**
 * The check cases under {@code cases/}: each is compiled by Error Prone's CompilationTestHelper
 * (which reads its {@code // BUG: Diagnostic contains:} markers) and by the javac plugin alone,
 * which must report the same check on exactly the marked lines.
 */
public final class Cases {
  private static final String MARKER = "// BUG: Diagnostic contains: ";

  private Cases() {}

  /** The resource path of a case, relative to this class, for {@code addSourceFile}. */
  public static String path(String name) {
    return "cases/" + name;
  }

  static String source(String name) {
    try (InputStream in = Cases.class.getResourceAsStream(path(name))) {
      if (in == null) {
        throw new IllegalArgumentException("no case " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Line -> expected substring, from the markers (each names the line after it). */
  static Map<Long, String> markers(String source) {
    Map<Long, String> expected = new TreeMap<>();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith(MARKER)) {
        expected.put((long) i + 2, line.substring(MARKER.length()));
      }
    }
    return expected;
  }

  /** Compiles a case with the plugin alone and checks {@code check}'s findings against its markers. */
  public static void assertPluginMatchesMarkers(String name, CheckKind check) {
    String source = source(name);
    List<PluginCompiler.Diag> diagnostics = PluginCompiler.compile(Map.of("cases/" + name, source));
    Map<Long, String> expected = markers(source);
    List<PluginCompiler.Diag> findings =
        diagnostics.stream().filter(d -> d.message().startsWith("[" + check + "]")).toList();
    assertTrue(
        diagnostics.stream().noneMatch(PluginCompiler.Diag::isInternalError),
        () -> "internal error: " + diagnostics);
    assertTrue(
        diagnostics.stream()
            .noneMatch(d -> d.kind() == Diagnostic.Kind.ERROR && !d.message().startsWith("[")),
        () -> "the case does not compile: " + diagnostics);
    assertEquals(
        expected.keySet(),
        findings.stream().map(PluginCompiler.Diag::line).collect(Collectors.toCollection(java.util.TreeSet::new)),
        () -> "lines with " + check + " findings in " + name + ": " + findings.stream().map(PluginCompiler.Diag::firstLine).toList());
    for (PluginCompiler.Diag finding : findings) {
      String wanted = expected.get(finding.line());
      assertTrue(finding.message().contains(wanted), () -> finding.firstLine() + "\n  does not contain: " + wanted);
    }
  }
}
