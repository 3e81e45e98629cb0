package dev.lockdep.checker.analysis;

import dev.lockdep.lockgraph.HeldLock;
import dev.lockdep.lockgraph.program.MethodSummary;
import java.util.List;

/**
 * How calls and callbacks name a body, for {@link MethodSummary}.
 *
 * @param id the body's id
 * @param overrides the ids of the methods it overrides or implements
 * @param parameters the instance names of its substitutable parameters ({@code ""} for the others)
 * @param stores for a constructor, the lock fields it sets from its parameters
 * @param returnedLock for a getter implementing a method keyed by itself, the lock it returns
 *     ({@link MethodSummary#returnedLock}); else null
 */
record BodyIdentity(
    String id, List<String> overrides, List<String> parameters, List<MethodSummary.Store> stores,
    HeldLock returnedLock) {
  BodyIdentity {
    overrides = List.copyOf(overrides);
    parameters = List.copyOf(parameters);
    stores = List.copyOf(stores);
  }

  /** A body no call names directly: a lambda or an initializer. */
  static BodyIdentity of(String id) {
    return new BodyIdentity(id, List.of(), List.of(), List.of(), null);
  }
}
