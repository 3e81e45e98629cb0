package dev.lockdep.lockgraph;

import java.util.Objects;

/**
 * A usage bit a finding relies on, with the unit whose fact is shown.
 *
 * @param usage the fact
 * @param unit the name of the unit it comes from
 */
public record UsageLink(UsageFact usage, String unit) {
  public UsageLink {
    Objects.requireNonNull(usage);
    Objects.requireNonNull(unit);
  }
}
