package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** The artifacts are not on Maven Central: the pages that show how to depend on them say how to get them. */
  @Test
  void thePagesWithDependencySnippetsSayToInstallTheArtifactsFirst() throws IOException {
    for (String page : List.of("README.md", "docs/integration/maven.md", "docs/integration/gradle.md")) {
      String text = Files.readString(ROOT.resolve(page));
      assertTrue(text.contains("mvn -B install") || text.contains("`mvn install`"), page);
    }
  }

  /** Maven passes an {@code <arg>} to javac as one argument, quotes included: no page may show one quoted. */
  @Test
  void noPageQuotesThePluginArgumentForMavenOrGradle() throws IOException {
    for (Path page : pages()) {
      String text = Files.readString(page);
      assertFalse(text.contains("<arg>-Xplugin:\""), page.toString());
      assertFalse(Pattern.compile("-Xplugin:\"[^\n]*\"` \\(in Maven, one `<arg>`\\)").matcher(text).find(), page.toString());
      assertFalse(text.contains("\"-Xplugin:\\\""), page.toString());
    }
  }

  /** Error Prone alone sees the whole compilation under -XDcompilePolicy=simple, as the Maven page and the tests say. */
  @Test
  void theGradlePageDoesNotSayErrorProneSeesOneFile() throws IOException {
    String gradle = Files.readString(ROOT.resolve("docs/integration/gradle.md"));
    assertFalse(gradle.contains("each check sees one file"), gradle);
  }

  private static List<Path> pages() throws IOException {
    try (var walk = Files.walk(ROOT.resolve("docs"))) {
      List<Path> pages = new java.util.ArrayList<>(walk.filter(p -> p.toString().endsWith(".md")).toList());
      pages.add(ROOT.resolve("README.md"));
      return pages;
    }
  }
}
