package dev.lockdep.checker.errorprone;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import dev.lockdep.checker.LockdepAnalysis;
import dev.lockdep.checker.LockdepOptions;
import dev.lockdep.checker.LockdepReport;
import dev.lockdep.checker.SourceKey;
import dev.lockdep.checker.analysis.ElementLookups;
import dev.lockdep.checker.analysis.UnitAnalyzer;
import dev.lockdep.checker.analysis.UnitSummary;
import dev.lockdep.checker.models.Models;
import dev.lockdep.checker.report.Baseline;
import dev.lockdep.checker.report.ReportFiles;
import dev.lockdep.lockgraph.program.SummaryComposer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import javax.tools.JavaFileObject;

/**
 * The findings of a whole compilation for the Error Prone checks, computed once when the first
 * compilation unit is matched and handed out unit by unit.
 *
 * <p>Error Prone matches one compilation unit at a time and can report only on the unit it is
 * matching, so the whole program must be known before the first unit is matched. Under
 * {@code -XDcompilePolicy=simple} javac attributes every class before it analyses any, so all
 * units can be summarised then. Under another policy some units are not attributed yet: the
 * compilation is then checked unit by unit, as far as each unit's own calls go.
 *
 * <p>The {@code Sarif=} and {@code Graph=} files are written when the whole compilation's
 * findings are known, as the javac plugin writes them.
 */
final class CompilationFindings {
  /** Weak keys: the findings hold no trees and live as long as the compilation. */
  private static final Map<JavacTask, Map<String, List<LockdepReport>>> BY_TASK =
      Collections.synchronizedMap(new WeakHashMap<>());

  private CompilationFindings() {}

  /** The findings positioned in {@code unit}, or null when the compilation is not all attributed. */
  static List<LockdepReport> in(
      JavacTask task, Context context, CompilationUnitTree unit, LockdepOptions options, Models models, Baseline baseline) {
    Map<String, List<LockdepReport>> byFile;
    synchronized (BY_TASK) {
      byFile = BY_TASK.get(task);
      if (byFile == null) {
        try {
          byFile = whole(task, context, options, models, baseline);
        } catch (RuntimeException | StackOverflowError e) {
          // Unit by unit still works; an Error Prone check must not fail the compilation.
          byFile = null;
        }
        if (byFile == null) {
          return null;
        }
        BY_TASK.put(task, byFile);
      }
    }
    return byFile.getOrDefault(SourceKey.of(unit), List.of());
  }

  private static Map<String, List<LockdepReport>> whole(
      JavacTask task, Context context, LockdepOptions options, Models models, Baseline baseline) {
    Trees trees = Trees.instance(task);
    Set<CompilationUnitTree> units = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ClassSymbol type : Symtab.instance(context).getAllClasses()) {
      if (type.sourcefile == null
          || type.sourcefile.getKind() != JavaFileObject.Kind.SOURCE
          || type.owner == null
          || type.owner.kind != Kinds.Kind.PCK) {
        continue;
      }
      TreePath path = trees.getPath(type);
      if (path == null) {
        continue;
      }
      if ((type.flags_field & Flags.UNATTRIBUTED) != 0) {
        return null;
      }
      units.add(path.getCompilationUnit());
    }
    List<CompilationUnitTree> ordered = new ArrayList<>(units);
    ordered.sort(Comparator.comparing(SourceKey::of));
    List<UnitSummary> summaries = new ArrayList<>();
    // One memo for the whole compilation, as the plugin keeps: every unit calls the same methods.
    ElementLookups lookups = new ElementLookups(task.getElements(), task.getTypes(), models);
    for (CompilationUnitTree unit : ordered) {
      summaries.add(UnitAnalyzer.analyze(unit, trees, task.getElements(), lookups));
    }
    LockdepAnalysis.Analysis analysis = LockdepAnalysis.analyze(summaries, List.of(), options);
    List<LockdepReport> reports = analysis.reports();
    // Nothing left out without a word: the bounds the front end and composition reached.
    for (UnitSummary summary : summaries) {
      for (UnitSummary.Note note : summary.notes()) {
        CompilerMessages.note(context, note.message() + " (" + note.at() + ")");
      }
    }
    for (SummaryComposer.Limit limit : analysis.limits()) {
      CompilerMessages.note(context, limit.message() + " (" + limit.at() + ")");
    }
    // The whole compilation is known here, as the plugin knows it when it reports: its files.
    for (String problem : ReportFiles.write(options, reports, baseline, () -> LockdepAnalysis.graph(summaries))) {
      CompilerMessages.error(context, problem);
    }
    Map<String, List<LockdepReport>> byFile = new TreeMap<>();
    for (LockdepReport report : reports) {
      byFile.computeIfAbsent(report.position().file(), f -> new ArrayList<>()).add(report);
    }
    return byFile;
  }
}
