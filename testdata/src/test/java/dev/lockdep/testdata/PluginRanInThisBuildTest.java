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
    Path summaries = CLASSES.resolve(ProgramFormat.resourceName("dev.lockdep.testdata"));
    assertTrue(Files.isRegularFile(summaries), "no " + summaries + ": the plugin did not run in this build");
    List<ProgramUnit> units = ProgramFormat.read(Files.readAllBytes(summaries), summaries.toString());
    Set<String> summarised = units.stream().map(ProgramUnit::file).collect(Collectors.toCollection(TreeSet::new));
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
