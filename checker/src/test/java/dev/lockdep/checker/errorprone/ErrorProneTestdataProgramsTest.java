package dev.lockdep.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockdep.lockgraph.CheckKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs of {@code testdata/programs/} whose findings come from contexts (interrupts,
 * reclaim, fences) or from class initialization, compiled with the Error Prone checks alone: the
 * first lines must be those the javac plugin gives, in {@code expected-diagnostics.txt}.
 */
class ErrorProneTestdataProgramsTest {
  private static final Path PROGRAMS = Path.of(System.getProperty("user.dir")).resolve("../testdata/programs").normalize();
  private static final List<String> CONTEXT_PROGRAMS =
      List.of(
          "IrqSafeToUnsafe", "InconsistentLockState", "LockdepSelftestIrq", "ReclaimUnderLock", "MemorySpill",
          "FenceSignalling", "FutureWait", "SleepInAtomicContext", "SystemdsOffsetClassInit",
          "NettyStaticInitReflection", "Rdf4jIterationClassInit", "NessieNamespaceEmpty",
          "JacksonNamingStrategyClassInit", "ZooKeeperProcessorJoin");

  @TempDir Path out;

  @TestFactory
  Stream<DynamicTest> everyContextProgramGivesItsExpectedDiagnostics() {
    return CONTEXT_PROGRAMS.stream()
        .flatMap(name -> Stream.of(name, name + "-fixed"))
        .map(name -> DynamicTest.dynamicTest(name, () -> check(PROGRAMS.resolve(name))));
  }

  private void check(Path folder) throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(folder)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    String flags =
        Arrays.stream(CheckKind.values()).map(c -> "-Xep:" + c + ":ERROR").collect(Collectors.joining(" "));
    List<String> actual =
        ErrorProneRun.diagnostics(sources, out.resolve(folder.getFileName()), flags).stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
            .map(
                d ->
                    Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": "
                        + (d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning") + ": "
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
            .sorted()
            .toList();
    List<String> expected =
        Files.readAllLines(folder.resolve("expected-diagnostics.txt")).stream().filter(l -> !l.isBlank()).sorted().toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual), folder.toString());
  }
}
