package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.compare;
import static dev.lockdep.lockgraph.program.KeyText.compareParts;
import static dev.lockdep.lockgraph.program.SummaryComposer.NO_NAMES;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.LockClass;
import dev.lockdep.lockgraph.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A body entered from {@code parent}'s body through {@code call}, with the key of what the
 * body's facts depend on: the body's id, its unit, state, held stack and frame. Of the contexts
 * of one key a level meets, it is the first in level order ({@link SummaryComposer#successors}).
 *
 * <p>The key's text joins the id, unit, state, held stack and frame texts with line breaks; keys
 * are equal, hash and sort as their texts do. Ids, units, states and held stacks are one object
 * per text and frames one object per frame, so that keys are mostly equal when their parts are
 * the same objects, and mostly sort by the ranks of ids and units.
 */
final class Context implements Comparable<Context> {
  Body body;
  /** The body's id, kept here: probing the table of contexts met compares it first ({@link #sameKey}). */
  private BodyId id;
  final Unit unit;
  /** The locks held on entry, in the outermost caller's terms, and their key. */
  List<HeldLock> held;
  final HeldKey heldKey;
  Frame frame;
  /** The context that called it, null for a root. */
  Context parent;
  private LiveCall call;
  /** Calls from the root. */
  final int depth;
  /** The {@link BodyId#bit}s of the bodies on the chain, it included: a clear bit is an id not on it. */
  long onChain;
  /** The names of the checks that a body on the chain suppresses. */
  Set<String> suppressed;
  /** The outermost call made by a body of the current compilation, or null. */
  Provenance anchor;
  /** The irq state, allocation scope, reclaim and fence state the body runs in. */
  final State state;
  /** {@link String#hashCode} of the key text; 0 for a root. */
  final int hash;
  /** {@link SummaryComposer#initializedOnChain(Context)}, found on first use. */
  LockClass[] initialized;
  /** The calls from the outermost caller, outermost first; built on first use. */
  private List<String> chain;

  Context(
      Body body, Unit unit, List<HeldLock> held, HeldKey heldKey, Frame frame, Context parent, LiveCall call,
      Set<String> suppressed, Provenance anchor, State state, int hash) {
    this.body = body;
    this.id = body.id;
    this.unit = unit;
    this.held = held;
    this.heldKey = heldKey;
    this.frame = frame;
    this.parent = parent;
    this.call = call;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.onChain = (parent == null ? 0 : parent.onChain) | id.bit;
    this.suppressed = suppressed;
    this.anchor = anchor;
    this.state = state;
    this.hash = hash;
  }

  /** The call that entered it, as a chain names it. */
  String link() {
    return call.link();
  }

  List<String> chain() {
    if (chain == null) {
      if (parent == null) {
        chain = List.of();
      } else {
        String[] links = new String[depth];
        links[depth - 1] = link();
        Context on = parent;
        for (; on.parent != null && on.chain == null; on = on.parent) {
          links[on.depth - 1] = on.link();
        }
        // The nearest caller with its chain built: its calls come first (a chain once built stays,
        // as no context is replaced once entered).
        for (int i = 0; on.chain != null && i < on.depth; i++) {
          links[i] = on.chain.get(i);
        }
        chain = List.of(links);
      }
    }
    return chain;
  }

  /**
   * Makes the context of the same key, which comes before this one, this one: what it does not
   * share with it, the key aside. No context has been entered from it yet.
   */
  void replace(
      Body body, List<HeldLock> held, Frame frame, Context parent, LiveCall call, Set<String> suppressed,
      Provenance anchor) {
    this.body = body;
    this.id = body.id;
    this.held = held;
    this.frame = frame;
    this.parent = parent;
    this.call = call;
    this.onChain = parent.onChain | id.bit;
    this.suppressed = suppressed;
    this.anchor = anchor;
    this.chain = null;
    this.initialized = null;
  }

  /** {@link String#hashCode} of the key text. */
  static int hash(BodyId id, Unit unit, State state, HeldKey held, Frame frame) {
    Frame measured = frame.measured();
    int h = id.hash;
    h = h * unit.power + unit.hash;
    h = h * state.power + state.hash;
    h = h * held.power + held.hash;
    return h * measured.textPower + measured.textHash;
  }

  /** Whether the key's parts are this one's, the very objects. */
  boolean sameParts(BodyId id, Unit unit, State state, HeldKey held, Frame frame) {
    return this.id == id && this.unit == unit && this.state == state && heldKey == held && this.frame == frame;
  }

  /**
   * Whether the key is this one's, of the same hash: the same parts, or, which is rare (a frame
   * with another binding of the same text, a hash collision), the same text.
   */
  boolean sameKey(BodyId id, Unit unit, State state, HeldKey held, Frame frame) {
    return sameParts(id, unit, state, held, frame)
        || compare(text(this.id, this.unit, this.state, heldKey, this.frame), text(id, unit, state, held, frame))
            == 0;
  }

  /** The key text, as parts. */
  static String[] text(BodyId id, Unit unit, State state, HeldKey held, Frame frame) {
    List<String> parts = new ArrayList<>();
    parts.add(id.text);
    parts.add("\n");
    parts.add(unit.file);
    parts.add("\n");
    parts.add(state.text);
    parts.add("\n");
    parts.add(held.text);
    parts.add("\n");
    frame.parts(parts);
    return parts.toArray(NO_NAMES);
  }

  /**
   * Contexts reached from the current compilation first: the caps never starve them. Then those
   * holding locks. Then by key text.
   */
  @Override
  public int compareTo(Context other) {
    if ((anchor != null) != (other.anchor != null)) {
      return anchor != null ? -1 : 1;
    }
    // Then those holding locks: where a body's contexts are more than its bound, the ones the
    // bound keeps are those its lock orders come from, not those its roots already give.
    if (heldKey.text.isEmpty() != other.heldKey.text.isEmpty()) {
      return heldKey.text.isEmpty() ? 1 : -1;
    }
    BodyId otherId = other.id;
    int c;
    if (id != otherId) {
      if (id.rank >= 0 && otherId.rank >= 0) {
        return Integer.compare(id.rank, otherId.rank);
      }
      c = compareParts(id.text, otherId.text);
    } else if (unit != other.unit) {
      c = compareParts(unit.file, other.unit.file);
    } else if (state != other.state) {
      c = compareParts(state.text, other.state.text);
    } else if (heldKey != other.heldKey) {
      c = compareParts(heldKey.text, other.heldKey.text);
    } else {
      // The last part: its text decides.
      return compare(frame.parts(), other.frame.parts());
    }
    // 0: one part is the other's with a line break and more, and the rest of the keys decide.
    return c != 0
        ? c
        : compare(
            text(id, unit, state, heldKey, frame), text(otherId, other.unit, other.state, other.heldKey, other.frame));
  }

  /**
   * Whether a context with this key, anchored or not and entered from {@code parent} through
   * {@code call}, comes before this one: anchored first, then by call chain.
   */
  boolean after(boolean anchored, Context parent, LiveCall call, SummaryComposer composer) {
    if (anchored != (anchor != null)) {
      return anchored;
    }
    return composer.compareChains(parent, call.link(), this) < 0;
  }
}
