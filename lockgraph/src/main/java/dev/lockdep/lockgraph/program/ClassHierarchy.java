package dev.lockdep.lockgraph.program;

import java.util.Arrays;

/**
 * Class-hierarchy analysis over summaries (SPEC §6): a virtual call may run the static target or
 * any method known to override it, so an abstract {@code spill()} reaches every implementation.
 * These are its rules; {@link SummaryComposer} applies them to its index of the program's bodies by
 * id, where each id keeps the ids of the methods that override it.
 *
 * <p>Exclusions keep the fan-out to what a reader would expect (the composer adds one more: an
 * override already on the call chain is not entered again). Methods of anonymous and local
 * classes are reached only through the callbacks bound where they are created, like lambdas.
 * Calls whose static target is declared by the JDK ({@code java.*}, {@code javax.*}: {@code
 * Object.equals}, {@code AutoCloseable.close}, {@code Runnable.run}, {@code Iterator.next}, ...)
 * do not fan out to the program's implementations: such an interface is implemented by unrelated
 * classes all over a program, and a call through it says nothing about which of them runs.
 * Callbacks passed as such types are followed through their bindings instead.
 *
 * <p>A call with more than {@value #MAX_OVERRIDES} overriding bodies is followed to its static
 * target only. Such a method is an abstraction many unrelated classes implement (a collection, a
 * pool, a supplier), and decorators of it call the same method on their delegate: following every
 * override makes each decorator call every other one, a cycle no object graph can build.
 *
 * <p>A call of {@code callee} runs the analysed body with that id (the first in unit order of equal
 * ids), then, when it {@link #fansOut fans out}, the {@link #overriding} bodies in id order.
 */
final class ClassHierarchy {
  /** Overriding bodies beyond which a virtual call is followed to its static target only. */
  public static final int MAX_OVERRIDES = 4;

  private ClassHierarchy() {}

  /** Whether a call of {@code callee} may run an override of it besides the static target. */
  static boolean fansOut(String callee, boolean virtual) {
    return virtual && !ofJdk(callee);
  }

  /** Whether {@code id} is of a method the JDK declares: in {@code java.*} or {@code javax.*}. */
  static boolean ofJdk(String id) {
    return id.startsWith("java") && (id.startsWith("java.") || id.startsWith("javax."));
  }

  /**
   * The overriders a call that {@link #fansOut fans out} runs, from the ids of every body that
   * declares it overrides the callee (in any order, repeats allowed): distinct and in id order, or
   * null when there are none or more than {@value #MAX_OVERRIDES}.
   */
  static String[] overriding(String[] overriders) {
    String[] ids = overriders.clone();
    Arrays.sort(ids);
    int distinct = 0;
    for (int i = 0; i < ids.length; i++) {
      if (distinct == 0 || !ids[i].equals(ids[distinct - 1])) {
        ids[distinct++] = ids[i];
      }
    }
    return distinct == 0 || distinct > MAX_OVERRIDES ? null : Arrays.copyOf(ids, distinct);
  }

  /**
   * Whether the overrides {@code id} declares count: not when it is a method of an anonymous or
   * local class, whose binary names have {@code $} followed by a digit.
   */
  static boolean ofLocalClass(String id) {
    int hash = id.indexOf('#');
    int owner = hash < 0 ? id.length() : hash;
    for (int dollar = id.indexOf('$'); dollar >= 0 && dollar + 1 < owner; dollar = id.indexOf('$', dollar + 1)) {
      char next = id.charAt(dollar + 1);
      if (next >= '0' && next <= '9') {
        return true;
      }
    }
    return false;
  }
}
