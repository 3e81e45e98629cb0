package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.CheckKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code docs/reports.md} shows a report of each kind as it is printed: the first finding of each
 * check's program in {@code testdata/programs/}, verbatim (trailing blanks aside, which Markdown
 * editors strip).
 */
class ReportsDocTest {
  private static final Path REPORTS = TestdataProgramsTest.PROGRAMS.resolve("../../docs/reports.md").normalize();

  @TestFactory
  Stream<DynamicTest> everyKindIsShownAsPrinted() throws IOException {
    String doc = withoutTrailingBlanks(Files.readString(REPORTS));
    return Stream.of(CheckKind.values())
        .map(check -> DynamicTest.dynamicTest(check.name(), () -> {
          PluginCompiler.Diag first =
              PluginCompiler.compileTree(TestdataProgramsTest.PROGRAMS.resolve(check.name())).stream()
                  .filter(d -> d.kind() == Diagnostic.Kind.ERROR && d.message().startsWith("[" + check + "]"))
                  .findFirst()
                  .orElseThrow();
          String printed = withoutTrailingBlanks(first.file() + ":" + first.line() + ": error: " + first.message());
          assertTrue(doc.contains("```\n" + printed + "\n```"), "docs/reports.md should show, as printed:\n" + printed);
        }));
  }

  private static String withoutTrailingBlanks(String text) {
    return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
  }
}
