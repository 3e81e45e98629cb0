package dev.lockdep.lockgraph.program;

import java.util.List;
import java.util.Objects;

/**
 * A class or interface the program declares: what dispatch by type ({@link TypeHierarchy}) and the
 * lock class of a monitor ({@link dev.lockdep.lockgraph.LockClass#ofType}) need to know of it.
 *
 * @param name its name as method ids name their owner ({@code pkg.Outer.Inner}, {@code pkg.Outer$1})
 * @param simpleName its name as reports print it
 * @param superclass its direct superclass, or null for an interface or a direct subclass of
 *     {@code Object}
 * @param interfaces the interfaces it declares it implements or extends, then the JDK's types
 *     above the JDK's types it names (no summary declares those): what it is of the JDK is all here
 *     or above its program supertypes
 * @param concrete whether objects of exactly this type can exist: a class that is not abstract
 */
public record TypeDecl(String name, String simpleName, String superclass, List<String> interfaces, boolean concrete) {
  public TypeDecl {
    Objects.requireNonNull(name);
    Objects.requireNonNull(simpleName);
    interfaces = List.copyOf(interfaces);
  }
}
