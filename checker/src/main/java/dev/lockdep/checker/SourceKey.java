package dev.lockdep.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;

/**
 * The name a compilation unit goes by in facts and reports: its path below the source root
 * ({@code com/acme/Pool.java}). Unlike an absolute path it is the same on every machine, so facts
 * files are byte-identical wherever they are built.
 */
public final class SourceKey {
  private SourceKey() {}

  public static String of(CompilationUnitTree unit) {
    String path = unit.getSourceFile().toUri().getPath();
    String fileName = path == null ? unit.getSourceFile().getName() : path;
    fileName = fileName.substring(fileName.lastIndexOf('/') + 1);
    ExpressionTree packageName = unit.getPackageName();
    return packageName == null
        ? fileName
        : appendPath(new StringBuilder(), packageName).append('/').append(fileName).toString();
  }

  /**
   * The package name as a path, {@code com/acme}: what {@code packageName.toString()} gives with
   * its dots replaced, without javac's tree printer, whose output is the same for a name.
   */
  private static StringBuilder appendPath(StringBuilder path, ExpressionTree name) {
    if (name instanceof MemberSelectTree select) {
      return appendPath(path, select.getExpression()).append('/').append(select.getIdentifier());
    }
    if (name instanceof IdentifierTree identifier) {
      return path.append(identifier.getName());
    }
    return path.append(name.toString().replace('.', '/'));
  }
}
