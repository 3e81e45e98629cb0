package dev.lockdep.lockgraph.program;

import static dev.lockdep.lockgraph.program.KeyText.powerOf31;

import dev.lockdep.lockgraph.program.SummaryComposer.AtomicSleep;
import dev.lockdep.lockgraph.program.SummaryComposer.ComposedAcquisition;
import java.util.ArrayList;
import java.util.List;

/** A unit of the program: its name and what the walk finds for it. */
final class Unit {
  final String file;
  /** The units of the program with the name, in the order given, and their bodies in order. */
  final List<ProgramUnit> programs = new ArrayList<>(1);
  Body[] bodies;
  final List<ComposedAcquisition> acquisitions = new ArrayList<>();
  List<AtomicSleep> sleeps;
  /** The hash and 31 to the power of the length of {@code file + "\n"}, as keys join it. */
  final int hash;
  final int power;
  /** Its place in name order, as keys order units ({@link SummaryComposer#rankUnits}). */
  int rank;

  Unit(String file) {
    this.file = file;
    this.hash = 31 * file.hashCode() + '\n';
    this.power = powerOf31(file.length() + 1);
  }
}
