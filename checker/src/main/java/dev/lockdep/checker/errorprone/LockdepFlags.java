package dev.lockdep.checker.errorprone;

import com.google.errorprone.VisitorState;
import dev.lockdep.checker.InvalidOptionException;
import dev.lockdep.checker.LockdepOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's options as Error Prone flags: {@code -XepOpt:Lockdep:Name=value} is the word
 * {@code Name=value} after {@code -Xplugin:LockdepCheck}, with the same names and checks.
 */
final class LockdepFlags {
  private static final String NAMESPACE = "Lockdep:";

  private LockdepFlags() {}

  static LockdepOptions options(VisitorState state) throws InvalidOptionException {
    List<String> words = new ArrayList<>();
    state.errorProneOptions().getFlags().getFlagsMap().forEach(
        (name, value) -> {
          if (name.startsWith(NAMESPACE)) {
            words.add(name.substring(NAMESPACE.length()) + "=" + value);
          }
        });
    LockdepOptions options = LockdepOptions.parse(words);
    if (words.stream().anyMatch(w -> w.startsWith(LockdepOptions.Name.Severity + "="))) {
      // A warning of Error Prone's is an ordinary one, which -nowarn and -Xmaxwarns drop: the
      // plugin's Severity=WARN keeps findings (configuration.md), Error Prone's own flag is the way here.
      throw new InvalidOptionException(
          "Severity is the javac plugin's option; under Error Prone each check's severity is Error Prone's own:"
              + " -Xep:LockOrderInversion:WARN (and the other checks' names), or -Xplugin:LockdepCheck with Severity=WARN");
    }
    return options;
  }
}
