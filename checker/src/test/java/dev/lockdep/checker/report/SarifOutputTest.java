package dev.lockdep.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lockdep.checker.errorprone.LockOrderInversion;
import dev.lockdep.checker.errorprone.LockdepAnnotationMisuse;
import dev.lockdep.checker.errorprone.RecursiveLocking;
import dev.lockdep.checker.errorprone.UnbalancedUnlock;
import dev.lockdep.lockgraph.CheckKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Sarif=FILE}: SARIF 2.1.0 that parses, with one result per finding and every site linked. */
class SarifOutputTest {
  /** One dependency line of a finding's details: {@code lock(A) at File.java:12 in M()}. */
  private static final Pattern SITE = Pattern.compile("^\\s+r?lock\\((.+)\\) at (\\S+\\.java):(\\d+)");

  @TempDir Path dir;

  private JsonObject sarifOf(Path program, List<PluginRun.Diag> diagnosticsOut, String... words) throws IOException {
    Path sarif = dir.resolve("out/lockdep.sarif");
    List<String> all = new ArrayList<>(List.of("Sarif=" + sarif));
    all.addAll(List.of(words));
    diagnosticsOut.addAll(
        PluginRun.compileTree(program, Files.createDirectories(dir.resolve("classes")), all.toArray(new String[0])));
    return JsonParser.parseString(Files.readString(sarif)).getAsJsonObject();
  }

  private static JsonObject run(JsonObject sarif) {
    return sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
  }

  /** The repository's root: the test runs in the checker module. */
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

  @Test
  void hasTheSarif210ShapeWithARulePerCheck() throws IOException {
    JsonObject sarif = sarifOf(PluginRun.program("LockOrderInversion"), new ArrayList<>());
    assertEquals("2.1.0", sarif.get("version").getAsString());
    assertEquals(SarifWriter.SCHEMA, sarif.get("$schema").getAsString());
    assertEquals(1, sarif.getAsJsonArray("runs").size());
    JsonObject driver = run(sarif).getAsJsonObject("tool").getAsJsonObject("driver");
    assertEquals("LockdepCheck", driver.get("name").getAsString());
    JsonArray rules = driver.getAsJsonArray("rules");
    assertEquals(CheckKind.values().length, rules.size());
    for (CheckKind check : CheckKind.values()) {
      JsonObject rule = rules.get(check.ordinal()).getAsJsonObject();
      assertEquals(check.name(), rule.get("id").getAsString());
      assertFalse(rule.getAsJsonObject("shortDescription").get("text").getAsString().isBlank());
      assertFalse(rule.getAsJsonObject("fullDescription").get("text").getAsString().isBlank());
      assertEquals("docs/checks/" + check + ".md", rule.get("helpUri").getAsString(), "the page in this repository");
      assertTrue(Files.exists(ROOT.resolve(rule.get("helpUri").getAsString())), rule.get("helpUri").getAsString());
      assertEquals("error", rule.getAsJsonObject("defaultConfiguration").get("level").getAsString());
    }
    assertTrue(run(sarif).getAsJsonObject("originalUriBaseIds").has(SarifWriter.SRCROOT));
  }

  @Test
  void oneResultPerFindingAtItsPositionWithEverySiteRelatedAndTheChainAsCodeFlows() throws IOException {
    List<PluginRun.Diag> diagnostics = new ArrayList<>();
    JsonObject sarif = sarifOf(PluginRun.program("LockOrderInversion"), diagnostics);
    List<PluginRun.Diag> findings = diagnostics.stream().filter(PluginRun.Diag::isFinding).toList();
    JsonArray results = run(sarif).getAsJsonArray("results");
    assertEquals(3, findings.size(), diagnostics::toString);
    assertEquals(findings.size(), results.size());
    JsonArray rules = run(sarif).getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.get(i).getAsJsonObject();
      PluginRun.Diag finding = findings.get(i);
      String ruleId = result.get("ruleId").getAsString();
      assertTrue(finding.message().startsWith("[" + ruleId + "] "), finding::message);
      assertEquals(ruleId, rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString());
      assertEquals("error", result.get("level").getAsString());
      String text = result.getAsJsonObject("message").get("text").getAsString();
      // javac's formatter indents a message's lines after the first; the SARIF text is the message itself.
      assertEquals(
          finding.message().substring(ruleId.length() + 3).lines().map(String::strip).toList(),
          text.lines().map(String::strip).toList());

      JsonObject primary = physical(result.getAsJsonArray("locations").get(0));
      assertEquals("%SRCROOT%", primary.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString());
      assertEquals(finding.file(), site(primary).split(":")[0]);
      assertEquals(finding.line(), primary.getAsJsonObject("region").get("startLine").getAsLong());

      // Every "lock(X) at File.java:N" line of the details is a related location, in order.
      List<String> expectedSites = new ArrayList<>();
      for (String line : text.lines().toList()) {
        Matcher m = SITE.matcher(line);
        if (m.find()) {
          expectedSites.add(m.group(2) + ":" + m.group(3));
        }
      }
      List<String> relatedSites = new ArrayList<>();
      Set<Integer> ids = new HashSet<>();
      for (JsonElement r : result.getAsJsonArray("relatedLocations")) {
        relatedSites.add(site(physical(r)));
        assertTrue(ids.add(r.getAsJsonObject().get("id").getAsInt()), "related location ids are unique");
        assertFalse(r.getAsJsonObject().getAsJsonObject("message").get("text").getAsString().isBlank());
      }
      assertFalse(expectedSites.isEmpty());
      assertEquals(expectedSites, relatedSites);

      // One thread flow per dependency: the held lock, then the acquisition.
      JsonArray threadFlows =
          result.getAsJsonArray("codeFlows").get(0).getAsJsonObject().getAsJsonArray("threadFlows");
      assertEquals(expectedSites.size() / 2, threadFlows.size());
      List<String> flowSites = new ArrayList<>();
      for (JsonElement flow : threadFlows) {
        JsonArray locations = flow.getAsJsonObject().getAsJsonArray("locations");
        assertEquals(2, locations.size());
        for (JsonElement l : locations) {
          flowSites.add(site(physical(l.getAsJsonObject().get("location"))));
        }
      }
      assertEquals(expectedSites, flowSites);
      assertFalse(result.getAsJsonObject("partialFingerprints").get("lockdepFinding/v2").getAsString().isBlank());
    }
  }

  @Test
  void findingsWithoutAChainHaveNoRelatedLocationsAndWarnLevelFollowsSeverity() throws IOException {
    List<PluginRun.Diag> diagnostics = new ArrayList<>();
    JsonObject sarif = sarifOf(PluginRun.program("UnbalancedUnlock"), diagnostics, "Severity=WARN");
    JsonArray results = run(sarif).getAsJsonArray("results");
    assertEquals(diagnostics.stream().filter(PluginRun.Diag::isFinding).count(), results.size());
    assertFalse(results.isEmpty());
    for (JsonElement r : results) {
      JsonObject result = r.getAsJsonObject();
      assertEquals("UnbalancedUnlock", result.get("ruleId").getAsString());
      assertEquals("warning", result.get("level").getAsString());
      assertFalse(result.has("relatedLocations"));
      assertFalse(result.has("codeFlows"));
    }
  }

  @Test
  void disabledChecksHaveNoResults() throws IOException {
    JsonObject sarif = sarifOf(PluginRun.program("LockOrderInversion"), new ArrayList<>(), "Disable=LockOrderInversion");
    assertEquals(0, run(sarif).getAsJsonArray("results").size());
  }

  @Test
  void noFindingsIsAnEmptyResultList() throws IOException {
    JsonObject sarif = sarifOf(PluginRun.program("LockOrderInversion-fixed"), new ArrayList<>());
    assertEquals(0, run(sarif).getAsJsonArray("results").size());
  }

  @Test
  void theSameSourcesGiveTheSameBytesWhateverTheirOrder() throws IOException {
    List<Path> files;
    try (var list = Files.list(PluginRun.program("LockOrderInversion"))) {
      files = list.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<Path> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    PluginRun.compile(files, classes, "Sarif=" + dir.resolve("a.sarif"), "Graph=" + dir.resolve("a.dot"));
    PluginRun.compile(reversed, classes, "Sarif=" + dir.resolve("b.sarif"), "Graph=" + dir.resolve("b.dot"));
    assertEquals(Files.readString(dir.resolve("a.sarif")), Files.readString(dir.resolve("b.sarif")));
    assertEquals(Files.readString(dir.resolve("a.dot")), Files.readString(dir.resolve("b.dot")));
  }

  /** The rules repeat the Error Prone checks' summaries and links; they must not drift apart. */
  @Test
  void rulesDescribeChecksAsTheirBugPatternsDo() {
    for (Class<?> checker :
        List.of(LockOrderInversion.class, RecursiveLocking.class, UnbalancedUnlock.class, LockdepAnnotationMisuse.class)) {
      BugPattern pattern = checker.getAnnotation(BugPattern.class);
      CheckKind check = CheckKind.valueOf(checker.getSimpleName());
      assertEquals(pattern.summary(), CheckRules.description(check), checker::getName);
      assertEquals(pattern.link(), CheckRules.helpUri(check), checker::getName);
    }
  }

  @Test
  void locationsAreRelativeUriReferences() {
    assertEquals("com/acme/Pool.java", SarifWriter.uri("com/acme/Pool.java"));
    assertEquals("com/acme/My%20Pool%23.java", SarifWriter.uri("com/acme/My Pool#.java"));
    assertEquals("p/%C3%9Cber.java", SarifWriter.uri("p/\u00dcber.java"));
  }

  private static JsonObject physical(JsonElement location) {
    return location.getAsJsonObject().getAsJsonObject("physicalLocation");
  }

  /** {@code Pool.java:12} of a physical location. */
  private static String site(JsonObject physical) {
    String uri = physical.getAsJsonObject("artifactLocation").get("uri").getAsString();
    return uri.substring(uri.lastIndexOf('/') + 1) + ":" + physical.getAsJsonObject("region").get("startLine").getAsInt();
  }
}
