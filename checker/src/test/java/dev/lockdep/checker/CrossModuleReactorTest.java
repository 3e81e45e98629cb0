package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code testdata/crossmodule}: a Maven reactor whose lock-order cycle is split between a library
 * and the application implementing its listener interface. Built with the checker just compiled
 * (its classes and dependencies from this test's class path as the processor path, so nothing
 * needs to be installed in a Maven repository), the build fails with the error in the
 * application's source, and fails again when rerun.
 */
class CrossModuleReactorTest {
  private static final Path REACTOR = TestdataProgramsTest.PROGRAMS.resolveSibling("crossmodule");
  private static final String ERROR =
      "application/src/main/java/com/example/ui/Screen.java:[22,5] [LockOrderInversion] possible circular locking"
          + " dependency detected: acquiring Screen.paint while holding EventLoop.lock";

  @TempDir Path dir;

  @Test
  void theApplicationBuildFailsOnTheCycleThroughTheLibraryTwiceInARow() throws Exception {
    copy(REACTOR, dir);
    for (int run = 1; run <= 2; run++) {
      Build build = mvn();
      assertNotEquals(0, build.exitCode, build.output);
      assertTrue(build.output.contains(ERROR), "run " + run + ":\n" + build.output);
      assertTrue(
          Files.exists(dir.resolve("library/target/classes/META-INF/lockdep/com.example.events.summaries")),
          build.output);
      assertTrue(Files.exists(dir.resolve("library/target/classes/com/example/events/EventLoop.class")));
      assertFalse(Files.exists(dir.resolve("application/target/classes/com/example/ui/Screen.class")));
    }
  }

  private record Build(int exitCode, String output) {}

  private Build mvn() throws IOException, InterruptedException {
    Path log = dir.resolve("build.log");
    Process process =
        new ProcessBuilder(
                "mvn", "-o", "-q", "-B", "-Dlockdep.processorpath=" + processorPath(), "compile")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("mvn did not finish in 120 s:\n" + Files.readString(log));
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The checker's classes and what they need: this module's output, lockgraph and annotations. */
  private static String processorPath() {
    List<String> entries =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                e -> e.contains("lockdep-")
                    || e.endsWith("checker" + File.separator + "target" + File.separator + "classes")
                    || e.endsWith("lockgraph" + File.separator + "target" + File.separator + "classes")
                    || e.endsWith("annotations" + File.separator + "target" + File.separator + "classes"))
            .toList();
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.filter(p -> !p.toString().contains(File.separator + "target")).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
