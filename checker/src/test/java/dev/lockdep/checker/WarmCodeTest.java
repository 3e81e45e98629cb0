package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.checker.models.Models;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker's code kept warm across the compilations of one JVM ({@link WarmCode}), as a build
 * tool's JVM runs them: a child JVM with none of the checker's classes on its class path compiles
 * one source four times in process, each a fresh javac task whose processor path is the checker's
 * jars and a jar of models.
 */
class WarmCodeTest {
  @TempDir Path dir;

  private static final String TREE =
      """
      package app;
      class Tree {
        synchronized void adopt(Tree child) { child.attach(); }
        synchronized void attach() { }
        synchronized void graft(Tree other) { other.prune(); }
        synchronized void prune() { }
      }
      """;

  @Test
  void compilationsOfOneJvmShareTheKeptClassesUntilTheJarChanges() throws Exception {
    Path checker = jarOf(WarmCode.class, dir.resolve("checker.jar"));
    Path lockgraph = jarOf(LockClass.class, dir.resolve("lockgraph.jar"));
    // A library's models on the processor path: read through the compilation's own loader, which
    // the kept classes do not have.
    Path modelsDir = dir.resolve("models");
    Files.createDirectories(modelsDir.resolve(Models.RESOURCE).getParent());
    Files.writeString(modelsDir.resolve(Models.RESOURCE), "app.Tree#attach() @Nested(1)\n");
    Path models = TestJars.jar(dir.resolve("models.jar"), modelsDir);
    Path source = Files.createDirectories(dir.resolve("src/app")).resolve("Tree.java");
    Files.writeString(source, TREE);
    Path driver = dir.resolve("WarmCodeDriver.java");
    try (InputStream in = WarmCodeTest.class.getResourceAsStream("WarmCodeDriver.java")) {
      Files.write(driver, in.readAllBytes());
    }
    String processorPath = String.join(File.pathSeparator, checker.toString(), lockgraph.toString(), models.toString());

    // The models' annotations resolve against the compilation's class path.
    Path annotations = jarOf(dev.lockdep.annotations.Nested.class, dir.resolve("annotations.jar"));

    List<String> lines = run(driver, processorPath, source, Files.createDirectories(dir.resolve("out")), checker, annotations);

    // Models silence adopt's re-entry; graft's stays: the same one finding every time.
    String finding = "messages=[ERROR [RecursiveLocking] possible recursive locking detected: acquiring Tree while already"
        + " holding another lock of the same class, NOTE RecursiveLocking reported at Tree.java:5: dependency #0 Tree -> Tree:"
        + " Tree acquired here via Tree.java:5 in Tree.graft(Tree) while holding Tree (acquired at Tree.java:5)]";
    assertEquals(4, lines.size(), lines::toString);
    assertEquals("first loaders=1 sameLoader=false ranInKeptLoader=true " + finding, lines.get(0));
    assertEquals("second loaders=1 sameLoader=true ranInKeptLoader=true " + finding, lines.get(1));
    assertEquals("rebuilt loaders=1 sameLoader=false ranInKeptLoader=true " + finding, lines.get(2));
    assertEquals("off loaders=1 sameLoader=true ranInKeptLoader=false " + finding, lines.get(3));
  }

  /** A copy of the jar of {@code type}'s classes, or a jar of their folder (in a reactor build). */
  private static Path jarOf(Class<?> type, Path jar) throws Exception {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    return Files.isDirectory(location) ? TestJars.jar(jar, location) : Files.copy(location, jar);
  }

  private static List<String> run(Path driver, String processorPath, Path source, Path out, Path checker, Path classPath)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", "", driver.toString(), processorPath, source.toString(), out.toString(), checker.toString(),
        classPath.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
    assertEquals(0, process.exitValue(), output);
    return output.lines().filter(line -> line.contains(" loaders=")).toList();
  }
}
