package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.SummaryComposer.NO_BODIES;

import dev.lockdep.lockgraph.HeldLock;
import java.util.Arrays;
import java.util.List;

/**
 * What a call made from a body in a frame runs, which every context of the body with that frame
 * shares: the producers it may enter, each with its frame (built on first use for the call's own
 * targets) and whether it is skipped when already on the chain, and the locks held across it.
 */
final class CallMemo {
  /** The bodies, each with its frame (null until built) and, for a call's own targets, the runtime type of its {@code this}. */
  Body[] bodies = NO_BODIES;
  Frame[] frames;
  String[] thisTypes;
  /** Per body whose {@code this} has no known runtime type, a static type narrower than its class that it has, else null. */
  String[] thisBounds;
  int size;
  /**
   * How many of the first bodies are the call's own targets, of which an override already on the
   * chain is not entered (the rest are callbacks).
   */
  int targets;
  /**
   * Whether the call's own targets were found by class-hierarchy analysis on a receiver of unknown
   * type that may be of more than one class ({@link SummaryComposer#classOnChain}).
   */
  boolean guessed;
  /**
   * Per body past {@link #targets}, whether a method reference on an object of unknown type runs it
   * as an override of the method the reference names (null while none does): like the call's own
   * targets, such an override already on the chain is not entered again.
   */
  private boolean[] overrides;
  /** The receiver, as the frame maps it, of the frames of the call's own targets. */
  String receiver;
  /** The locks held across the call as the frame maps them, and their key texts; null until used. */
  List<HeldLock> held;
  String[] heldTexts;
  /** The last caller's held stack extended with {@link #held}, and the result. */
  private HeldKey from;
  private HeldKey to;

  void add(Body body, Frame frame, String thisType) {
    add(body, frame, thisType, null);
  }

  void add(Body body, Frame frame, String thisType, String thisBound) {
    if (size == bodies.length) {
      reserve(Math.max(2, 2 * size));
    }
    bodies[size] = body;
    frames[size] = frame;
    thisTypes[size] = thisType;
    thisBounds[size] = thisBound;
    size++;
  }

  /** Adds a body a method reference naming {@code reference} runs on an object of unknown type. */
  void addReferenced(Body body, Frame frame, String thisType, BodyId reference) {
    if (body.id != reference && overrides == null) {
      overrides = new boolean[bodies.length];
    }
    int at = size;
    add(body, frame, thisType);
    if (body.id != reference) {
      overrides[at] = true;
    }
  }

  /**
   * Whether the body at {@code j} is an override of the method the call names ({@code callee})
   * or a method reference names, run on an object of unknown type: not the object running it
   * already on the chain, but a delegate a decorator calls, unless the program wraps a decorator
   * in itself.
   */
  boolean override(int j, BodyId callee) {
    return j < targets ? bodies[j].id != callee : overrides != null && overrides[j];
  }

  /** Makes room for {@code capacity} bodies, so that adding that many copies nothing. */
  void reserve(int capacity) {
    if (capacity > bodies.length) {
      bodies = Arrays.copyOf(bodies, capacity);
      frames = frames == null ? new Frame[capacity] : Arrays.copyOf(frames, capacity);
      thisTypes = thisTypes == null ? new String[capacity] : Arrays.copyOf(thisTypes, capacity);
      thisBounds = thisBounds == null ? new String[capacity] : Arrays.copyOf(thisBounds, capacity);
      overrides = overrides == null ? null : Arrays.copyOf(overrides, capacity);
    }
  }

  /** {@code key} with the call's own held locks on top. */
  HeldKey extend(HeldKey key, SummaryComposer composer) {
    if (key != from) {
      HeldKey extended = key;
      for (String lock : heldTexts) {
        extended = composer.extend(extended, lock);
      }
      from = key;
      to = extended;
    }
    return to;
  }
}
