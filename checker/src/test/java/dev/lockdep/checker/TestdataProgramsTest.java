package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles each folder of {@code testdata/programs/} with the javac plugin and compares the first
 * line of every error and warning, sorted, with the folder's {@code expected-diagnostics.txt}: a
 * missing or an extra diagnostic fails. The notes at a finding's other sites repeat its chain and
 * are tested with the report outputs. The folders of {@code testdata/pending/} are compiled too, for
 * internal errors only.
 */
class TestdataProgramsTest {
  static final Path PROGRAMS = Path.of(System.getProperty("user.dir")).resolve("../testdata/programs").normalize();
  static final Path PENDING = PROGRAMS.resolveSibling("pending");
  static final String EXPECTED = "expected-diagnostics.txt";

  @TestFactory
  Stream<DynamicTest> everyProgramGivesItsExpectedDiagnostics() throws IOException {
    List<Path> folders = folders(PROGRAMS);
    if (folders.isEmpty()) {
      throw new AssertionError("no programs under " + PROGRAMS);
    }
    return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
  }

  /**
   * The pending reductions are not yet what their expected files say, but they are real code the
   * checker must get through: each compiles, with no internal error.
   */
  @TestFactory
  Stream<DynamicTest> everyPendingProgramIsCheckedWithoutAnInternalError() throws IOException {
    return folders(PENDING).stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
      List<String> broken =
          PluginCompiler.compileTree(folder).stream()
              .filter(d -> d.message().contains("internal error")
                  || (d.kind() == Diagnostic.Kind.ERROR && !d.message().startsWith("[")))
              .map(PluginCompiler.Diag::firstLine)
              .toList();
      assertEquals(List.of(), broken, folder.toString());
    }));
  }

  /** The program folders in {@code root}, in name order. */
  private static List<Path> folders(Path root) throws IOException {
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static void check(Path folder) throws IOException {
    List<String> expected =
        Files.readAllLines(folder.resolve(EXPECTED)).stream().filter(line -> !line.isBlank()).sorted().toList();
    List<String> actual =
        PluginCompiler.compileTree(folder).stream()
            .filter(d -> d.kind() != Diagnostic.Kind.NOTE)
            .map(PluginCompiler.Diag::firstLine)
            .sorted()
            .toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual), folder.toString());
  }
}
