package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Maven configuration users copy from {@code docs/integration/maven.md} is the one the
 * {@code testdata} module builds with, so the documented setup is the tried one.
 */
class MavenDocsTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

  @Test
  void theDocumentedPluginConfigurationIsTheTestdataModules() throws IOException {
    String pom = Files.readString(ROOT.resolve("testdata/pom.xml"));
    String doc = Files.readString(ROOT.resolve("docs/integration/maven.md"));
    String section = doc.substring(doc.indexOf("## As a javac plugin"));
    String xml = section.substring(section.indexOf("```xml"), section.indexOf("```", section.indexOf("```xml") + 6));
    assertEquals(all("arg", pom), all("arg", xml));
    assertEquals(all("release", pom), all("release", xml));
    assertEquals(all("artifactId", inside("annotationProcessorPaths", pom)), all("artifactId", inside("annotationProcessorPaths", xml)));
    // The pom also depends on the checker, only so that the reactor builds it first (documented
    // under "Inside the same reactor"), and on JUnit for its own test.
    List<String> dependencies = buildDependencies(inside("dependencies", pom));
    assertEquals(List.of("lockdep-annotations", "lockdep-checker"), dependencies);
    assertEquals(dependencies.subList(0, 1), all("artifactId", inside("dependencies", xml)));
  }

  /** The artifactIds of the dependencies that are not test-scoped. */
  private static List<String> buildDependencies(String xml) {
    return Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(xml).results()
        .map(r -> r.group(1))
        .filter(dependency -> !dependency.contains("<scope>test</scope>"))
        .flatMap(dependency -> all("artifactId", dependency).stream())
        .toList();
  }

  private static String inside(String element, String xml) {
    int start = xml.indexOf("<" + element + ">");
    assertFalse(start < 0, element);
    return xml.substring(start, xml.indexOf("</" + element + ">", start));
  }

  private static List<String> all(String element, String xml) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    return m.results().map(r -> r.group(1).trim()).toList();
  }
}
