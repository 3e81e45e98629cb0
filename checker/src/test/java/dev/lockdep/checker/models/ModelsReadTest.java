package dev.lockdep.checker.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading models: files first, then every {@code META-INF/lockdep/models} on the processor path. */
class ModelsReadTest {
  @TempDir Path dir;

  @Test
  void readsFilesThenProcessorPathResources() throws IOException, ModelsException {
    Path file = dir.resolve("models.txt");
    Files.writeString(file, "com.acme.Pool#allocate(int) @Reclaim @GfpFlags(Gfp.NOFS)  # two annotations\n");
    Path resource = dir.resolve("jar/" + Models.RESOURCE);
    Files.createDirectories(resource.getParent());
    Files.writeString(resource, "# a library's own models\ncom.acme.Io#submit(java.lang.Runnable, long) @Async\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("jar").toUri().toURL()}, null)) {
      List<ModelLine> lines = Models.read(List.of(file), loader);
      assertEquals(3, lines.size(), lines::toString);
      assertEquals(new ModelLine(file.toString(), 1, "com.acme.Pool", "allocate", List.of("int"), "Reclaim", Map.of()), lines.get(0));
      assertEquals(Map.of("value", new ModelLine.EnumName("NOFS")), lines.get(1).attributes());
      assertEquals(2, lines.get(2).line());
      assertEquals(List.of("java.lang.Runnable", "long"), lines.get(2).parameters());
      assertTrue(lines.get(2).source().endsWith(Models.RESOURCE), lines.get(2).source());
    }
  }

  @Test
  void parsesAttributesOfEveryKind() throws ModelsException {
    List<ModelLine> lines =
        ModelsParser.parse(
            "m",
            "com.acme.Pool#lock @LockClass(value = \"Pool#lock\", reentrant = false)\n"
                + "com.acme.Pool#take() @Acquires({\"lock\", \"other\"}) @Nested(2)\n"
                + "com.acme.Timer @IrqContext(Irq.SOFTIRQ)\n");
    assertEquals(Map.of("value", "Pool#lock", "reentrant", false), lines.get(0).attributes());
    assertEquals(Map.of("value", List.of("lock", "other")), lines.get(1).attributes());
    assertEquals(List.of(), lines.get(1).parameters());
    assertEquals(Map.of("value", 2), lines.get(2).attributes());
    assertEquals(null, lines.get(3).member());
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertEquals(
        "m:2: not a member: com.acme.#x",
        assertThrows(ModelsException.class, () -> ModelsParser.parse("m", "\ncom.acme.#x @Reclaim\n")).getMessage());
    assertEquals(
        "m:1: unterminated string",
        assertThrows(ModelsException.class, () -> ModelsParser.parse("m", "a.B#f @LockClass(\"x)\n")).getMessage());
    assertEquals(
        "m:1: attribute value given twice",
        assertThrows(ModelsException.class, () -> ModelsParser.parse("m", "a.B#f @LockClass(\"x\", value = \"y\")\n")).getMessage());
  }
}
