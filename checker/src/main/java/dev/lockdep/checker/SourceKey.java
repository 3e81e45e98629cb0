package dev.lockdep.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;

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
        : packageName.toString().replace('.', '/') + "/" + fileName;
  }
}
