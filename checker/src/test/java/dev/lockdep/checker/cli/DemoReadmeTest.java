package dev.lockdep.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, run as the README runs it: its findings, and the pool cycle it shows, as
 * printed (at the call of the method holding the lock, with the hint naming both holders).
 */
class DemoReadmeTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

  @Test
  void theReadmeShowsTheDemosPoolCycleAsPrinted() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertEquals(LockdepCli.FINDINGS, LockdepCli.run(new String[] {ROOT.resolve("testdata/demo").toString()}, print, print));
    String printed = out.toString(StandardCharsets.UTF_8).replace(ROOT + File.separator, "");
    assertTrue(printed.contains("lockdep: 7 finding(s) in 8 file(s): 4 LockOrderInversion, 2 RecursiveLocking, 1 IrqSafeToUnsafe"), printed);
    int start = printed.indexOf("testdata/demo/com/example/cache/ConnectionPool.java:29: error: [LockOrderInversion]");
    assertTrue(start >= 0, printed);
    String finding = printed.substring(start, printed.indexOf("\ntestdata/", start));
    String readme = withoutTrailingBlanks(Files.readString(ROOT.resolve("README.md")));
    assertTrue(readme.contains("```\n" + withoutTrailingBlanks(finding) + "\n```"), "README.md should show, as printed:\n" + finding);
  }

  private static String withoutTrailingBlanks(String text) {
    return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
  }
}
