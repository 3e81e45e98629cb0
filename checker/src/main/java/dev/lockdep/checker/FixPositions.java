package dev.lockdep.checker;

import dev.lockdep.checker.report.Holding;
import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.Finding;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.MethodSummary;
import dev.lockdep.lockgraph.program.ProgramUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The error of a finding at the place of the fix. A cycle or a recursion closed inside a callee is
 * fixed in the method that holds the lock while it makes the call (it releases the lock first, or
 * takes the locks in the other order), not in the callee, which holds nothing: the error goes to
 * that call, and the callee's acquisition stays in the chain and gets a note.
 */
final class FixPositions {
  private final Collection<ProgramUnit> current;
  /** The current units' call sites by the file they are in; built on first use. */
  private Map<String, List<Provenance>> callsByFile;
  /**
   * The call sites of each file a finding asked about, by the text a call chain names them with:
   * findings name few files, and the texts of every call site of a compilation cost more to build
   * than everything else this class does.
   */
  private final Map<String, Map<String, Provenance>> callsByText = new HashMap<>();

  FixPositions(Collection<ProgramUnit> current) {
    this.current = current;
  }

  /** {@code finding} at its holder's call, when its closing dependency is reached through one here. */
  Finding of(Finding finding) {
    if ((finding.kind() != CheckKind.LockOrderInversion && finding.kind() != CheckKind.RecursiveLocking)
        || finding.chain().isEmpty()) {
      return finding;
    }
    DependencyEdge closing = finding.chain().get(finding.chain().size() - 1).dependency();
    Holding holding = Holding.of(closing);
    if (!holding.throughCall()) {
      return finding;
    }
    Provenance call = calls(closing.heldAt().file()).get(holding.call());
    if (call == null) {
      return finding;
    }
    return new Finding(
        finding.kind(), finding.title(), finding.summary(), call.withCallChain(closing.heldAt().callChain()),
        finding.locks(), finding.chain(), finding.usages(), finding.scenario(), finding.notes(), finding.hint(),
        finding.units());
  }

  private Map<String, Provenance> calls(String file) {
    if (callsByFile == null) {
      callsByFile = new HashMap<>();
      for (ProgramUnit unit : current) {
        for (MethodSummary method : unit.methods()) {
          for (MethodSummary.CallSite call : method.calls()) {
            callsByFile.computeIfAbsent(call.at().file(), f -> new ArrayList<>()).add(call.at());
          }
        }
      }
    }
    return callsByText.computeIfAbsent(file, f -> byText(callsByFile.getOrDefault(f, List.of())));
  }

  private static Map<String, Provenance> byText(List<Provenance> calls) {
    Map<String, Provenance> byText = new HashMap<>();
    for (Provenance call : calls) {
      // Two calls on one line of one method are one link of a chain: the first is taken.
      byText.merge(call.toString(), call, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    return byText;
  }
}
