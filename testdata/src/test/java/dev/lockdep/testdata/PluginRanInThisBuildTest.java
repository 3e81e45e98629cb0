package dev.lockdep.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.program.ProgramFormat;
import dev.lockdep.lockgraph.program.ProgramUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module is compiled the way docs/integration/maven.md tells users to: if the plugin ran,
 * its summaries of every source file are in the class output beside the classes, and the
 * compile passed, so the correct programs here gave no finding.
 */
class PluginRanInThisBuildTest {
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void everySourceFileHasItsSummaryInTheClassOutput() throws Exception {
    Path summaries = CLASSES.resolve(ProgramFormat.DIRECTORY);
    assertTrue(Files.isDirectory(summaries), "no " + summaries + ": the plugin did not run in this build");
    Set<String> summarised = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(summaries)) {
      for (Path file : walk.filter(f -> f.toString().endsWith(ProgramFormat.SUFFIX)).toList()) {
        List<ProgramUnit> units = ProgramFormat.read(Files.readAllBytes(file), file.toString());
        units.forEach(unit -> summarised.add(unit.file()));
      }
    }
    assertEquals(sources(), summarised);
  }

  private static Set<String> sources() throws Exception {
    Path root = Path.of("src/main/java");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
