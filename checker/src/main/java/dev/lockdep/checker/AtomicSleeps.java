package dev.lockdep.checker;

import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.IrqState;
import dev.lockdep.lockgraph.Provenance;
import dev.lockdep.lockgraph.program.SummaryComposer.AtomicSleep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * lockdep's "sleeping function called from invalid context" ({@code might_sleep} in atomic
 * context): a blocking reclaiming call or a fence wait in an interrupt handler or with irqs
 * disabled. One report per call site, at the call or, for a call in another compilation, at the
 * outermost call of the current one that reaches it.
 */
final class AtomicSleeps {
  static final String TITLE = "sleeping function called from invalid context";

  private AtomicSleeps() {}

  static List<LockdepReport> reports(Map<String, List<AtomicSleep>> sleeps, Set<String> current) {
    Map<Provenance, LockdepReport> byPosition = new TreeMap<>();
    sleeps.values().forEach(
        unit -> {
          for (AtomicSleep sleep : unit) {
            if (sleep.suppressed().contains(CheckKind.SleepInAtomicContext.name())) {
              continue;
            }
            Provenance position = current.contains(sleep.at().file()) ? sleep.at() : sleep.anchor();
            if (position != null && current.contains(position.file())) {
              byPosition.putIfAbsent(position.withCallChain(List.of()), report(sleep, position));
            }
          }
        });
    return new ArrayList<>(byPosition.values());
  }

  private static LockdepReport report(AtomicSleep sleep, Provenance position) {
    String where = where(sleep.irq());
    List<String> details = new ArrayList<>();
    details.add(sleep.what() + " may sleep, called at " + sleep.at());
    details.add("in_irq(): " + (sleep.irq().context() == IrqState.Context.HARDIRQ ? 1 : 0)
        + ", in_softirq(): " + (sleep.irq().context() == IrqState.Context.SOFTIRQ ? 1 : 0)
        + ", irqs_disabled(): " + (sleep.irq().hardirqsEnabled() ? 0 : 1));
    for (String call : sleep.at().callChain()) {
      details.add("  called from " + call);
    }
    if (sleep.held().isEmpty()) {
      details.add("no locks held");
    } else {
      details.add(sleep.held().size() + " lock(s) held:");
      int i = 0;
      for (HeldLock lock : sleep.held()) {
        details.add(" #" + i++ + ": (" + lock.lockClass().displayName() + "), at: " + lock.acquiredAt());
      }
    }
    String hint =
        sleep.what().startsWith("a fence")
            ? "never wait for a future or fence " + where + "; complete or defer the work instead"
            : "allocate with @GfpFlags(Gfp.ATOMIC) or @GfpFlags(Gfp.NOWAIT) " + where + ", or move the allocation out";
    details.add("hint: " + hint);
    return new LockdepReport(
        CheckKind.SleepInAtomicContext, position, TITLE, sleep.what() + " " + where, details, List.of(), List.of(), hint);
  }

  private static String where(IrqState irq) {
    return switch (irq.context()) {
      case HARDIRQ -> "in hardirq context";
      case SOFTIRQ -> "in softirq context";
      case TASK -> "with irqs disabled";
    };
  }
}
