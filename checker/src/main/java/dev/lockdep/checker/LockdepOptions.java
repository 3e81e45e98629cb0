package dev.lockdep.checker;

import dev.lockdep.lockgraph.CheckKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of SPEC §9, parsed from the words after {@code -Xplugin:LockdepCheck} or from
 * {@code -XepOpt:Lockdep:Name=value} flags. An unknown option or a bad value is an error that names
 * it: a misspelt option silently ignored would hide findings.
 */
public final class LockdepOptions {

  /** How findings are reported. */
  public enum Severity {
    ERROR,
    WARN
  }

  /** Option names, in the order the error message lists them. */
  public enum Name {
    Severity,
    Models,
    Sarif,
    Graph,
    PrimeFenceReclaim,
    Disable,
    ShowSkippedModels,
    Baseline,
    WriteBaseline
  }

  private final Severity severity;
  private final List<Path> models;
  private final Optional<Path> sarif;
  private final Optional<Path> graph;
  private final boolean primeFenceReclaim;
  private final Set<CheckKind> disabled;
  private final boolean showSkippedModels;
  private final Optional<Path> baseline;
  private final Optional<Path> writeBaseline;

  private LockdepOptions(Map<Name, String> values) throws InvalidOptionException {
    severity = parseSeverity(values.getOrDefault(Name.Severity, "ERROR"));
    models = parsePaths(values.get(Name.Models));
    sarif = Optional.ofNullable(values.get(Name.Sarif)).map(LockdepOptions::path);
    graph = Optional.ofNullable(values.get(Name.Graph)).map(LockdepOptions::path);
    if (graph.isPresent() && graphFormat(graph.get()).isEmpty()) {
      throw new InvalidOptionException(
          "option Graph=" + values.get(Name.Graph) + ": the file must end in .dot or .mmd");
    }
    primeFenceReclaim = parseBoolean(Name.PrimeFenceReclaim, values.getOrDefault(Name.PrimeFenceReclaim, "true"));
    disabled = parseChecks(values.get(Name.Disable));
    showSkippedModels = parseBoolean(Name.ShowSkippedModels, values.getOrDefault(Name.ShowSkippedModels, "false"));
    baseline = Optional.ofNullable(values.get(Name.Baseline)).map(LockdepOptions::path);
    writeBaseline = Optional.ofNullable(values.get(Name.WriteBaseline)).map(LockdepOptions::path);
  }

  /** The defaults: every check on, as errors, with the fence/reclaim prime. */
  public static LockdepOptions defaults() {
    try {
      return new LockdepOptions(Map.of());
    } catch (InvalidOptionException e) {
      throw new AssertionError(e);
    }
  }

  /** Parses plugin words such as {@code Severity=WARN}; the last of repeated options wins. */
  public static LockdepOptions parse(Iterable<String> words) throws InvalidOptionException {
    Map<Name, String> values = new LinkedHashMap<>();
    for (String word : words) {
      if (word.isBlank()) {
        continue;
      }
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new InvalidOptionException(
            "option '" + word + "' has no value; write Name=value (options: " + known() + ")");
      }
      values.put(name(word.substring(0, eq)), word.substring(eq + 1));
    }
    return new LockdepOptions(values);
  }

  private static Name name(String text) throws InvalidOptionException {
    for (Name n : Name.values()) {
      if (n.name().equals(text)) {
        return n;
      }
    }
    throw new InvalidOptionException("unknown option '" + text + "' (options: " + known() + ")");
  }

  private static String known() {
    return Arrays.stream(Name.values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static Severity parseSeverity(String text) throws InvalidOptionException {
    switch (text.toUpperCase(Locale.ROOT)) {
      case "ERROR":
        return Severity.ERROR;
      case "WARN":
      case "WARNING":
        return Severity.WARN;
      default:
        throw new InvalidOptionException("option Severity=" + text + ": expected ERROR or WARN");
    }
  }

  private static boolean parseBoolean(Name name, String text) throws InvalidOptionException {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidOptionException("option " + name + "=" + text + ": expected true or false");
  }

  private static List<Path> parsePaths(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Path> paths = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        paths.add(path(part.trim()));
      }
    }
    return Collections.unmodifiableList(paths);
  }

  private static Set<CheckKind> parseChecks(String text) throws InvalidOptionException {
    Set<CheckKind> checks = EnumSet.noneOf(CheckKind.class);
    if (text == null) {
      return checks;
    }
    for (String part : text.split(",")) {
      String check = part.trim();
      if (check.isEmpty()) {
        continue;
      }
      try {
        checks.add(CheckKind.valueOf(check));
      } catch (IllegalArgumentException e) {
        throw new InvalidOptionException(
            "option Disable=" + text + ": unknown check '" + check + "' (checks: "
                + Arrays.stream(CheckKind.values()).map(Enum::name).collect(Collectors.joining(", "))
                + ")");
      }
    }
    return checks;
  }

  private static Path path(String text) {
    return Path.of(text);
  }

  /** {@code "dot"} or {@code "mmd"} for a graph file name, empty for anything else. */
  static Optional<String> graphFormat(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.endsWith(".dot")) {
      return Optional.of("dot");
    }
    if (name.endsWith(".mmd")) {
      return Optional.of("mmd");
    }
    return Optional.empty();
  }

  public Severity severity() {
    return severity;
  }

  public List<Path> models() {
    return models;
  }

  public Optional<Path> sarif() {
    return sarif;
  }

  public Optional<Path> graph() {
    return graph;
  }

  public boolean primeFenceReclaim() {
    return primeFenceReclaim;
  }

  /** Whether the models lines skipped for a type not on the class path are listed, not only counted. */
  public boolean showSkippedModels() {
    return showSkippedModels;
  }

  /** The baseline of known findings, reported as notes. */
  public Optional<Path> baseline() {
    return baseline;
  }

  /** Where to write a baseline of this compilation's findings. */
  public Optional<Path> writeBaseline() {
    return writeBaseline;
  }

  public boolean enabled(CheckKind check) {
    return !disabled.contains(check);
  }
}
