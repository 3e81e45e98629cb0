package dev.lockdep.lockgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table index of the writer, and the tables it writes read back entry by entry. */
class FactsEncodingTest {
  private static final byte[] MAGIC = {'T', 'E', 'S', 'T'};

  /** Strings by value; the hash is the caller's, here a poor one so that probing is exercised. */
  private static final class ByValue extends FactsEncoding.Index<String> {
    @Override
    boolean same(String a, String b) {
      return a.equals(b);
    }
  }

  @Test
  void indexesInOrderOfFirstUseLikeAMapWhateverTheHashes() {
    Random random = new Random(5);
    for (int spread : new int[] {1, 7, 1 << 20}) {
      FactsEncoding.Index<String> index = new ByValue();
      Map<String, Integer> expected = new LinkedHashMap<>();
      for (int i = 0; i < 5000; i++) {
        // Fresh instances: equal strings must be found by value, not identity.
        String s = new String("s" + random.nextInt(1500));
        int hash = s.hashCode() % spread - spread / 2;
        Integer first = expected.putIfAbsent(s, expected.size());
        assertEquals(first == null ? expected.size() - 1 : first, index.indexOf(s, hash), s);
      }
      assertEquals(expected.size(), index.size());
      List<String> inOrder = new ArrayList<>(expected.keySet());
      for (int i = 0; i < inOrder.size(); i++) {
        assertEquals(inOrder.get(i), index.get(i));
      }
    }
  }

  @Test
  void tablesKeepEveryDescriptionAndCallChainApart() throws FactsFormatException {
    List<LockClass> classes = List.of(
        new LockClass("a.B.lock", 0, "lock", true, PseudoLock.NONE),
        new LockClass("a.B.lock", 1, "lock", true, PseudoLock.NONE),
        new LockClass("a.B.lock", 0, "other", true, PseudoLock.NONE),
        new LockClass("a.B.lock", 0, "lock", false, PseudoLock.NONE),
        new LockClass("a.B.lock", 0, "lock", true, PseudoLock.FS_RECLAIM),
        new LockClass(new String("a.B.lock"), 0, new String("lock"), true, PseudoLock.NONE));
    List<Provenance> provenances = List.of(
        new Provenance("a/B.java", 3, 4, "B.f()", List.of()),
        new Provenance("a/B.java", 3, 4, "B.g()", List.of()),
        new Provenance("a/B.java", 3, 5, "B.f()", List.of()),
        new Provenance("a/B.java", 4, 3, "B.f()", List.of()),
        new Provenance("a/C.java", 3, 4, "B.f()", List.of()),
        new Provenance("a/B.java", 3, 4, "B.f()", List.of("a.C#x()")),
        new Provenance("a/B.java", 3, 4, "B.f()", List.of("a.C#y()")),
        new Provenance(new String("a/B.java"), 3, 4, new String("B.f()"), List.of(new String("a.C#y()"))));
    FactsEncoding.Output out = new FactsEncoding.Output(MAGIC, 1);
    for (int round = 0; round < 2; round++) {
      classes.forEach(out::lockClass);
      provenances.forEach(out::provenance);
      out.optionalString(null);
      out.optionalString("\u00e9\uFFFD\uD83D\uDE00");
    }
    byte[] bytes = out.toByteArray();
    FactsEncoding.Input in = FactsEncoding.Input.open(bytes, "test", MAGIC, 1, "test file");
    List<Object> read = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (LockClass expected : classes) {
        LockClass c = in.lockClass();
        assertEquals(
            List.of(expected.key(), expected.subclass(), expected.name(), expected.reentrant(), expected.pseudo()),
            List.of(c.key(), c.subclass(), c.name(), c.reentrant(), c.pseudo()));
        read.add(c);
      }
      for (Provenance expected : provenances) {
        Provenance p = in.provenance();
        assertEquals(expected, p);
        read.add(p);
      }
      assertEquals(null, in.optionalString());
      assertEquals("\u00e9\uFFFD\uD83D\uDE00", in.optionalString());
    }
    in.expectEnd("the values");
    // The second round names the entries of the first; equal ones share an entry.
    int half = read.size() / 2;
    for (int i = 0; i < half; i++) {
      assertSame(read.get(i), read.get(half + i));
    }
    assertSame(read.get(0), read.get(classes.size() - 1));
    assertSame(read.get(half - 2), read.get(half - 1));
  }

  @Test
  void malformedUtf8IsRefusedAndARealReplacementCharacterIsNot() throws FactsFormatException {
    FactsEncoding.Output out = new FactsEncoding.Output(MAGIC, 1);
    out.string("\uFFFD");
    out.string("abc");
    byte[] bytes = out.toByteArray();
    assertEquals("\uFFFD", FactsEncoding.Input.open(bytes, "test", MAGIC, 1, "test file").string());
    // Turn "abc" into a lone continuation byte between two letters, and fix the checksum.
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, abc);
    bytes[at + 1] = (byte) 0x80;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    long sum = crc.getValue();
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 4 + i] = (byte) (sum >>> (24 - 8 * i));
    }
    FactsFormatException e = assertThrows(
        FactsFormatException.class, () -> FactsEncoding.Input.open(bytes, "test", MAGIC, 1, "test file"));
    assertEquals("test: string 1 at offset " + at + " is not valid UTF-8", e.getMessage());
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
