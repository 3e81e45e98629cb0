package dev.lockdep.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockdep.lockgraph.CheckKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockdepOptionsTest {

  @Test
  void defaults() {
    LockdepOptions options = LockdepOptions.defaults();
    assertEquals(LockdepOptions.Severity.ERROR, options.severity());
    assertTrue(options.primeFenceReclaim());
    assertEquals(List.of(), options.models());
    assertEquals(Optional.empty(), options.sarif());
    assertEquals(Optional.empty(), options.graph());
    for (CheckKind check : CheckKind.values()) {
      assertTrue(options.enabled(check), check.name());
    }
  }

  @Test
  void everyOption() throws InvalidOptionException {
    LockdepOptions options =
        LockdepOptions.parse(
            List.of(
                "Severity=WARN",
                "Models=a.models, b.models",
                "Sarif=target/l.sarif",
                "Graph=target/l.mmd",
                "PrimeFenceReclaim=false",
                "Disable=RecursiveLocking,UnbalancedUnlock"));
    assertEquals(LockdepOptions.Severity.WARN, options.severity());
    assertEquals(List.of(Path.of("a.models"), Path.of("b.models")), options.models());
    assertEquals(Optional.of(Path.of("target/l.sarif")), options.sarif());
    assertEquals(Optional.of(Path.of("target/l.mmd")), options.graph());
    assertFalse(options.primeFenceReclaim());
    assertFalse(options.enabled(CheckKind.RecursiveLocking));
    assertFalse(options.enabled(CheckKind.UnbalancedUnlock));
    assertTrue(options.enabled(CheckKind.LockOrderInversion));
  }

  @Test
  void lastRepeatedOptionWins() throws InvalidOptionException {
    assertEquals(
        LockdepOptions.Severity.ERROR,
        LockdepOptions.parse(List.of("Severity=WARN", "Severity=ERROR")).severity());
  }

  @Test
  void unknownOptionIsNamed() {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> LockdepOptions.parse(List.of("Sevrity=WARN")));
    assertTrue(e.getMessage().contains("unknown option 'Sevrity'"), e.getMessage());
    assertTrue(e.getMessage().contains("Severity, Models, Sarif, Graph, PrimeFenceReclaim, Disable"), e.getMessage());
  }

  @Test
  void badValuesAreNamed() {
    assertMessage("Severity=LOUD", "Severity=LOUD: expected ERROR or WARN");
    assertMessage("PrimeFenceReclaim=maybe", "PrimeFenceReclaim=maybe: expected true or false");
    assertMessage("Graph=lock.png", "Graph=lock.png: the file must end in .dot or .mmd");
    assertMessage("Disable=LockOrder", "unknown check 'LockOrder'");
    assertMessage("Severity", "option 'Severity' has no value");
  }

  private static void assertMessage(String word, String expected) {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> LockdepOptions.parse(List.of(word)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
