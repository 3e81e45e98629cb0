package dev.lockdep.lockgraph;

import java.util.Objects;

/**
 * One dependency of a finding's chain, with the unit whose fact is shown.
 *
 * @param dependency the fact
 * @param unit the name of the unit it comes from ({@code ""} for the primed dependency)
 */
public record ChainLink(DependencyEdge dependency, String unit) {
  public ChainLink {
    Objects.requireNonNull(dependency);
    Objects.requireNonNull(unit);
  }
}
