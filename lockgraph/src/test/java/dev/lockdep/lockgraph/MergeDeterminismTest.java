package dev.lockdep.lockgraph;

import static dev.lockdep.lockgraph.Facts.rendered;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Merging is commutative and idempotent, and checking is deterministic. */
class MergeDeterminismTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shuffledAndDuplicatedUnitsGiveIdenticalGraphBytesAndFindings(long seed) {
    List<UnitFacts> units = RandomFacts.units(seed, 12, 25, 60);
    LockGraph reference = LockGraph.merge(units);
    List<Finding> findings = reference.check();
    assertFalse(findings.isEmpty(), "the random graph should exercise the checks");
    byte[] bytes = FactsFormat.write(reference.units());
    Random r = new Random(seed * 31);
    for (int round = 0; round < 5; round++) {
      List<UnitFacts> shuffled = new ArrayList<>(units);
      for (int i = r.nextInt(units.size()); i >= 0; i--) {
        shuffled.add(units.get(r.nextInt(units.size())));
      }
      Collections.shuffle(shuffled, r);
      LockGraph g = LockGraph.merge(shuffled);
      assertEquals(reference, g);
      assertArrayEquals(bytes, FactsFormat.write(g.units()));
      assertArrayEquals(bytes, FactsFormat.write(shuffled));
      assertEquals(rendered(findings), rendered(g.check()));
      assertEquals(findings, g.check());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8})
  void aUnitSplitIntoPartsOfOneNameMergesToTheWhole(long seed) {
    UnitFacts whole = RandomFacts.units(seed, 1, 20, 120).get(0);
    UnitFacts first = RandomFacts.units(seed, 1, 20, 120, 0, 50).get(0);
    UnitFacts second = RandomFacts.units(seed, 1, 20, 120, 50, 120).get(0);
    assertNotEquals(whole, first);
    assertEquals(LockGraph.of(whole), LockGraph.of(second, first, second));
    assertEquals(whole, first.union(second));
    assertEquals(whole, whole.union(whole));
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void currentUnitsOnlyNarrowTheFindings(long seed) {
    List<UnitFacts> units = RandomFacts.units(seed, 8, 20, 50);
    LockGraph g = LockGraph.merge(units);
    List<Finding> all = g.check();
    String one = units.get(0).name();
    List<Finding> some = g.check(CheckOptions.defaults().withCurrentUnits(Set.of(one)));
    assertNotEquals(0, all.size());
    for (Finding f : some) {
      assertEquals(true, f.units().contains(one), f::render);
    }
    assertEquals(all, g.check(CheckOptions.defaults().withCurrentUnits(
        Set.copyOf(units.stream().map(UnitFacts::name).toList()))));
  }
}
