package dev.lockdep.checker.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line runner over the sources of a real library from Maven Central (commons-pool2,
 * its sources jar a test dependency): it must finish without a crash and without an internal
 * error in any method.
 */
class CommonsPool2Test {
  private static final String SOURCES_JAR = "commons-pool2-2.12.0-sources.jar";

  @Test
  void runsOverCommonsPool2WithoutACrash(@TempDir Path sources) throws IOException {
    String classpath = System.getProperty("java.class.path");
    Path jar =
        Arrays.stream(classpath.split(File.pathSeparator))
            .map(Path::of)
            .filter(p -> p.getFileName().toString().equals(SOURCES_JAR))
            .findFirst()
            .orElseThrow(() -> new AssertionError(SOURCES_JAR + " is not on the test class path"));
    int files = unpackJavaSources(jar, sources);
    assertTrue(files > 50, "only " + files + " sources in " + jar);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LockdepCli.run(
            new String[] {"--classpath", classpath, sources.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String output = out.toString(StandardCharsets.UTF_8);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertNotEquals(LockdepCli.USAGE, exit, () -> "did not compile:\n" + errors + output);
    assertFalse(output.contains("internal error"), output);
    assertFalse(output.contains("An exception has occurred in the compiler"), output);
    String summary = output.lines().filter(l -> l.startsWith("lockdep: ")).reduce((a, b) -> b).orElse("");
    assertTrue(summary.contains("finding(s) in " + files + " file(s)"), output);
    // The count of findings is recorded in the test report, for reading, not asserted.
    System.out.println("commons-pool2 2.12.0: " + summary);
    output.lines().filter(l -> l.contains(": error: [") || l.contains(": warning: [")).forEach(System.out::println);
  }

  private static int unpackJavaSources(Path jar, Path into) throws IOException {
    int count = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().endsWith(".java") || entry.getName().endsWith("module-info.java")) {
          continue;
        }
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target);
        }
        count++;
      }
    }
    return count;
  }
}
