package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * of the checker needs to be installed in a Maven repository), the build fails with the error in
 * the application's source: under {@code compile}, where Maven hands the application the
 * library's class output, and fails again when rerun; and under {@code verify} and {@code
 * install} and for the application built alone after an install, where it gets the library's jar.
 *
 * <p>The builds use a local repository of their own, so that installing the reactor touches no
 * repository anybody else uses. It reads plugins from the local repository this build uses
 * ({@code maven.repo.local}, else {@code ~/.m2/repository}) as a file repository placed before
 * Maven Central, so nothing is downloaded where this build has run.
 */
class CrossModuleReactorTest {
  private static final Path REACTOR = TestdataProgramsTest.PROGRAMS.resolveSibling("crossmodule");
  private static final String ERROR =
      "application/src/main/java/com/example/ui/Screen.java:[22,5] [LockOrderInversion] possible circular locking"
          + " dependency detected: acquiring Screen.paint while holding EventLoop.lock";
  private static final String LIBRARY_JAR = "library/target/events-1.0.jar";

  /**
   * The builds' own local repository ({@code repository}) and settings, shared by the tests so
   * that plugins are copied in once.
   */
  @TempDir static Path maven;

  @TempDir Path dir;

  @Test
  void theApplicationBuildFailsOnTheCycleThroughTheLibraryTwiceInARow() throws Exception {
    copy(REACTOR, dir);
    for (int run = 1; run <= 2; run++) {
      Build build = mvn("compile");
      assertFailsOnTheCycle(build, "compile, run " + run);
      assertTrue(
          Files.exists(dir.resolve("library/target/classes/" + SummariesLayout.packageDirectory("com.example.events"))),
          build.output);
      assertTrue(Files.exists(dir.resolve("library/target/classes/com/example/events/EventLoop.class")));
      assertFalse(Files.exists(dir.resolve("application/target/classes/com/example/ui/Screen.class")));
    }
  }

  /** From the package phase on, and from the local repository, the application gets the library's jar. */
  @Test
  void theApplicationBuildFailsOnTheCycleAgainstTheLibrarysJar() throws Exception {
    copy(REACTOR, dir);
    assertFailsOnTheCycle(mvn("clean", "verify"), "clean verify");
    assertTrue(Files.exists(dir.resolve(LIBRARY_JAR)));
    assertFailsOnTheCycle(mvn("clean", "install"), "clean install");
    assertTrue(Files.exists(maven.resolve("repository/com/example/crossmodule/events/1.0/events-1.0.jar")));
    // Without the library's build output, the application alone can only get the installed jar.
    PluginCompiler.deleteTree(dir.resolve("library/target"));
    assertFailsOnTheCycle(mvn("-pl", "application", "clean", "compile"), "-pl application clean compile");
    assertFalse(Files.exists(dir.resolve("library/target")));
  }

  private static void assertFailsOnTheCycle(Build build, String goals) {
    assertNotEquals(0, build.exitCode, goals + ":\n" + build.output);
    assertTrue(build.output.contains(ERROR), goals + ":\n" + build.output);
  }

  private record Build(int exitCode, String output) {}

  private Build mvn(String... goals) throws IOException, InterruptedException {
    Path log = dir.resolve("build.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "mvn", "-q", "-B",
                "-s", settings().toString(),
                "-Dmaven.repo.local=" + maven.resolve("repository"),
                "-Dlockdep.processorpath=" + processorPath()));
    command.addAll(List.of(goals));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 180 s:\n" + Files.readString(log));
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * Settings that put the local repository of this build, read as a file repository, before
   * Maven Central.
   */
  private static Path settings() throws IOException {
    Path settings = maven.resolve("settings.xml");
    if (!Files.exists(settings)) {
      String given = System.getProperty("maven.repo.local");
      Path source =
          given == null || given.isEmpty()
              ? Path.of(System.getProperty("user.home"), ".m2", "repository")
              : Path.of(given);
      String url = source.toAbsolutePath().toUri().toString();
      String repositories = "<repository><id>build-local</id><url>" + url + "</url></repository>";
      Files.writeString(
          settings,
          "<settings><profiles><profile><id>build-local</id>"
              + "<repositories>" + repositories + "</repositories>"
              + "<pluginRepositories>" + repositories.replace("repository>", "pluginRepository>") + "</pluginRepositories>"
              + "</profile></profiles>"
              + "<activeProfiles><activeProfile>build-local</activeProfile></activeProfiles></settings>\n");
    }
    return settings;
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
