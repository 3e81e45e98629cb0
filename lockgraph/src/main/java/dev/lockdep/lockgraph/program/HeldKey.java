package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.powerOf31;

import java.util.Map;

/**
 * A held stack's part of a key: per lock, its class key, subclass, mode and instance ({@link
 * SummaryComposer#lockText}); one object per distinct text ({@link SummaryComposer#heldKey}).
 */
final class HeldKey {
  final String text;
  /** The hash and 31 to the power of the length of {@code text + "\n"}, as keys join it. */
  final int hash;
  final int power;
  /** This stack with one more lock, by the lock's text; null until one is added. */
  Map<String, HeldKey> next;

  HeldKey(String text) {
    this.text = text;
    this.hash = 31 * text.hashCode() + '\n';
    this.power = powerOf31(text.length() + 1);
  }
}
