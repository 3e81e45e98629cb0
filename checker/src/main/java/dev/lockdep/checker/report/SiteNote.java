package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.Provenance;

/**
 * A javac note at one more site of a finding (the other end of a dependency, another edge of the
 * cycle, where a usage state was registered), so that an IDE links every site, not only the
 * error's.
 *
 * @param at the site
 * @param message the note, naming the finding it belongs to
 */
public record SiteNote(Provenance at, String message) {}
