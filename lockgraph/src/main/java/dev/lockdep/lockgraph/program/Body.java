package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.SummaryComposer.usedParameters;

import dev.lockdep.lockgraph.HeldLock;
import java.util.Arrays;
import java.util.List;

/** A body of the program with what the walk keeps for it. */
final class Body {
  final MethodSummary summary;
  final BodyId id;
  /** Its position in {@link SummaryComposer#bodies}. */
  final int index;
  /** Whether its own annotations leave the state and stack its callers enter it with as they are. */
  final boolean plain;
  /** The next body with its id, in unit order. */
  Body sameId;
  /**
   * Whether its contexts may add something: an acquisition, a reclaim or a fence wait of its own
   * or of a body it may run. Another body's contexts add nothing whatever their held stack and
   * frame, nor do their successors, and caps count per body, so they are not entered.
   */
  boolean producer;
  /** Per call, in order, the bodies it dispatches to ({@link ClassHierarchy}). */
  Body[][] targets;
  /** Its unit when it is of the current compilation, else null. */
  Unit currentUnit;
  /**
   * Its calls that may run a producer, in order; computed on first use. Most calls reach only
   * the libraries, and every context of the body would otherwise look them up again.
   */
  LiveCall[] liveCalls;
  /** Its reclaiming calls and fence waits, in order. */
  List<MethodSummary.CallSite> effectCalls = List.of();
  /** The positions of its parameters a caller's binding can matter to, in order; computed on first use. */
  private int[] usedPositions;
  /** Its root context, computed on first use: the state, held stack and its key. */
  State rootState;
  List<HeldLock> rootHeld;
  HeldKey rootKey;

  Body(MethodSummary summary, BodyId id, int index) {
    this.summary = summary;
    this.id = id;
    this.index = index;
    BodyContext own = summary.context();
    this.plain =
        own.irqContext() == null && own.irqsDisabled() == null && own.gfp() == Gfp.KERNEL && !own.reclaim()
            && !own.shrinker() && !own.fenceSignalling();
  }

  int[] usedPositions() {
    if (usedPositions == null) {
      if (id.usedParameters == null) {
        id.usedParameters = usedParameters(summary);
      }
      List<String> parameters = summary.parameters();
      int[] positions = new int[parameters.size()];
      int used = 0;
      for (int i = 0; i < positions.length; i++) {
        String parameter = parameters.get(i);
        for (String name : id.usedParameters) {
          if (name.equals(parameter)) {
            positions[used++] = i;
            break;
          }
        }
      }
      usedPositions = used == positions.length ? positions : Arrays.copyOf(positions, used);
    }
    return usedPositions;
  }
}
