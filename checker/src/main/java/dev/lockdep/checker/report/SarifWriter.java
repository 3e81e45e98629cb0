package dev.lockdep.checker.report;

import dev.lockdep.checker.LockdepCheck;
import dev.lockdep.checker.LockdepOptions;
import dev.lockdep.checker.LockdepReport;
import dev.lockdep.lockgraph.ChainLink;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.UsageLink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The findings as SARIF 2.1.0, for code scanning: one rule per check, one result per finding at
 * the acquisition that closes it, a related location for both ends of every dependency and every
 * usage state, and a code flow with one thread flow per dependency (each is a thread that takes
 * the two locks in that order; together they are lockdep's scenario).
 *
 * <p>File locations are the source keys the facts carry ({@code com/acme/Pool.java}), relative to
 * the base {@value #SRCROOT}: the source root they were compiled from. An absolute path would make
 * the file differ from machine to machine; the same findings always give the same bytes.
 */
public final class SarifWriter {
  static final String SRCROOT = "%SRCROOT%";
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifWriter() {}

  /**
   * The SARIF of {@code reports}. With a baseline, each result has a {@code baselineState}: known
   * findings are {@code unchanged} (and of level {@code note}, as they are reported), the others
   * {@code new}.
   */
  public static String write(List<LockdepReport> reports, LockdepOptions.Severity severity, Baseline baseline) {
    JsonWriter json = new JsonWriter().beginObject();
    json.member("$schema", SCHEMA).member("version", "2.1.0");
    json.name("runs").beginArray().beginObject();
    tool(json);
    json.name("originalUriBaseIds").beginObject().name(SRCROOT).beginObject();
    text(json, "description", "The source root the compilation read its sources from (e.g. src/main/java);"
        + " locations are the sources' paths below it, by package.");
    json.endObject().endObject();
    json.name("results").beginArray();
    for (LockdepReport report : reports) {
      result(json, report, severity, baseline);
    }
    json.endArray();
    json.member("columnKind", "utf16CodeUnits");
    json.endObject().endArray();
    return json.endObject().toString();
  }

  private static void tool(JsonWriter json) {
    json.name("tool").beginObject().name("driver").beginObject();
    json.member("name", LockdepCheck.NAME);
    json.member("informationUri", CheckRules.DOCS + "index.md");
    json.name("rules").beginArray();
    for (CheckKind check : CheckKind.values()) {
      json.beginObject();
      json.member("id", check.name()).member("name", check.name());
      text(json, "shortDescription", CheckRules.description(check));
      text(json, "fullDescription", "lockdep: " + CheckRules.title(check) + ". " + CheckRules.description(check) + ".");
      json.member("helpUri", CheckRules.helpUri(check));
      text(json, "help", "See " + CheckRules.helpUri(check) + " for why it deadlocks, how to fix it and how to suppress it.");
      json.name("defaultConfiguration").beginObject().member("level", "error").endObject();
      json.name("properties").beginObject().name("tags").beginArray().value("concurrency").endArray().endObject();
      json.endObject();
    }
    json.endArray();
    json.endObject().endObject();
  }

  private static void result(JsonWriter json, LockdepReport report, LockdepOptions.Severity severity, Baseline baseline) {
    boolean known = baseline.contains(report);
    json.beginObject();
    json.member("ruleId", report.check().name());
    json.member("ruleIndex", report.check().ordinal());
    json.member("level", known ? "note" : severity == LockdepOptions.Severity.WARN ? "warning" : "error");
    if (baseline != Baseline.NONE) {
      json.member("baselineState", known ? "unchanged" : "new");
    }
    text(json, "message", report.body());
    json.name("locations").beginArray();
    location(json, report.position(), -1, null);
    json.endArray();
    List<ChainLink> chain = report.chain();
    if (!chain.isEmpty() || !report.usages().isEmpty()) {
      json.name("relatedLocations").beginArray();
      int id = 1;
      for (int i = 0; i < chain.size(); i++) {
        DependencyEdge d = chain.get(i).dependency();
        location(json, d.heldAt(), id++, held(i, d));
        location(json, d.at(), id++, acquired(i, d));
      }
      for (UsageLink u : report.usages()) {
        location(json, u.usage().at(), id++,
            u.usage().lockClass().displayName() + " {" + u.usage().bit().label() + "} state registered here"
                + Sites.in(u.usage().at()) + Sites.via(u.usage().at()));
      }
      json.endArray();
    }
    if (!chain.isEmpty()) {
      codeFlow(json, report);
    }
    json.name("partialFingerprints").beginObject().member("lockdepFinding/v2", fingerprint(report)).endObject();
    if (!report.hint().isEmpty()) {
      json.name("properties").beginObject().member("hint", report.hint()).endObject();
    }
    json.endObject();
  }

  /** One thread flow per dependency: a thread holding {@code from} that acquires {@code to}. */
  private static void codeFlow(JsonWriter json, LockdepReport report) {
    json.name("codeFlows").beginArray().beginObject();
    text(json, "message", report.check() == CheckKind.LockOrderInversion
        ? "the dependency chain, the closing dependency last"
        : "the dependencies involved");
    json.name("threadFlows").beginArray();
    List<ChainLink> chain = report.chain();
    for (int i = 0; i < chain.size(); i++) {
      DependencyEdge d = chain.get(i).dependency();
      json.beginObject();
      text(json, "message", "#" + i + " " + d.from().displayName() + " -(" + d.type() + ")-> " + d.to().displayName());
      json.name("locations").beginArray();
      threadFlowLocation(json, d.heldAt(), 0, held(i, d));
      threadFlowLocation(json, d.at(), 1, acquired(i, d));
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.endObject().endArray();
  }

  private static void threadFlowLocation(JsonWriter json, Provenance at, int order, String message) {
    json.beginObject();
    json.name("location");
    location(json, at, -1, message);
    json.member("executionOrder", order);
    json.name("kinds").beginArray().value("acquire").value("lock").endArray();
    json.endObject();
  }

  private static String held(int i, DependencyEdge d) {
    return "#" + i + " " + lockOp(d.fromMode().isReader(), d.from().displayName()) + " held here"
        + Sites.in(d.heldAt()) + Sites.via(d.heldAt());
  }

  private static String acquired(int i, DependencyEdge d) {
    return "#" + i + " " + lockOp(d.toMode().isReader(), d.to().displayName()) + " acquired here while holding "
        + d.from().displayName() + Sites.in(d.at()) + Sites.via(d.at());
  }

  private static String lockOp(boolean reader, String name) {
    return (reader ? "rlock(" : "lock(") + name + ")";
  }

  /** A location; {@code id < 0} and {@code message == null} leave those properties out. */
  private static void location(JsonWriter json, Provenance at, int id, String message) {
    json.beginObject();
    if (id >= 0) {
      json.member("id", id);
    }
    json.name("physicalLocation").beginObject();
    json.name("artifactLocation").beginObject().member("uri", uri(at.file())).member("uriBaseId", SRCROOT).endObject();
    if (at.line() > 0) {
      json.name("region").beginObject().member("startLine", at.line());
      if (at.column() > 0) {
        json.member("startColumn", at.column());
      }
      json.endObject();
    }
    json.endObject();
    if (!at.method().isEmpty()) {
      json.name("logicalLocations").beginArray().beginObject()
          .member("fullyQualifiedName", at.method()).member("kind", "function")
          .endObject().endArray();
    }
    if (message != null) {
      text(json, "message", message);
    }
    json.endObject();
  }

  private static void text(JsonWriter json, String name, String text) {
    json.name(name).beginObject().member("text", text).endObject();
  }

  /** A relative URI reference: path segments kept, anything outside RFC 3986's unreserved set percent-encoded. */
  static String uri(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  /**
   * Stable across edits that move lines: the finding's baseline key (its check and lock classes,
   * and where it is for a finding that is not a cycle; no line), so code scanning keeps one alert
   * while the problem exists, as a baseline keeps it known.
   */
  private static String fingerprint(LockdepReport report) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(Baseline.key(report).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
