package dev.lockdep.checker.analysis;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import java.io.IOException;

/**
 * Where a method's name is written. A method's facts (the monitor of a {@code synchronized} method,
 * the context its annotations give it) are placed at its name, where javac itself reports on a
 * declaration and where a reader looks, not at its first modifier, which is often an annotation
 * such as {@code @Override} lines above. The public tree API gives no name position; the name is
 * the first occurrence of the identifier after the return type and type parameters.
 */
final class MethodNames {
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  /** The unit's text, read on first use; javac keeps it cached from parsing. */
  private CharSequence source;
  private boolean unreadable;

  MethodNames(CompilationUnitTree unit, SourcePositions positions) {
    this.unit = unit;
    this.positions = positions;
  }

  /**
   * The position of {@code method}'s name; its start for a constructor (which cannot be
   * {@code synchronized} nor have a context of its own) or when the name cannot be found.
   */
  long position(MethodTree method) {
    long start = positions.getStartPosition(unit, method);
    CharSequence text = source();
    if (text == null || start < 0 || method.getName().contentEquals("<init>")) {
      return start;
    }
    String name = method.getName().toString();
    long from = Math.max(start, end(method.getModifiers()));
    from = Math.max(from, end(method.getReturnType()));
    for (Tree parameter : method.getTypeParameters()) {
      from = Math.max(from, end(parameter));
    }
    for (int i = (int) from; i >= 0 && i + name.length() <= text.length(); i++) {
      if (startsWith(text, i, name) && !identifierPart(text, i - 1) && !identifierPart(text, i + name.length())) {
        return i;
      }
      if (text.charAt(i) == '(') {
        break;
      }
    }
    return start;
  }

  private long end(Tree tree) {
    return tree == null ? -1 : positions.getEndPosition(unit, tree);
  }

  private CharSequence source() {
    if (source == null && !unreadable) {
      try {
        source = unit.getSourceFile().getCharContent(true);
      } catch (IOException | RuntimeException e) {
        unreadable = true;
      }
    }
    return source;
  }

  private static boolean startsWith(CharSequence text, int at, String name) {
    for (int j = 0; j < name.length(); j++) {
      if (text.charAt(at + j) != name.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static boolean identifierPart(CharSequence text, int at) {
    return at >= 0 && at < text.length() && Character.isJavaIdentifierPart(text.charAt(at));
  }
}
