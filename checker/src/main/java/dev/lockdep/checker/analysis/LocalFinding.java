package dev.lockdep.checker.analysis;

import dev.lockdep.lockgraph.CheckKind;
import dev.lockdep.lockgraph.Provenance;
import java.util.List;

/**
 * A problem the front end decides by itself, from one method's control flow and annotations:
 * an unbalanced unlock, an invalid annotation.
 *
 * @param check the check it belongs to
 * @param at where it is reported
 * @param title lockdep's title
 * @param summary the rest of the first line
 * @param details the following lines
 */
public record LocalFinding(CheckKind check, Provenance at, String title, String summary, List<String> details) {
  public LocalFinding {
    details = List.copyOf(details);
  }
}
