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
    return LockdepOptions.parse(words);
  }
}
