package dev.lockdep.lockgraph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The facts file: round trip, refusals with a named source, and fuzzing of the reader. */
class FactsFormatTest {
  private static final String SOURCE = "foo.jar!META-INF/lockdep/x.facts";

  private static List<UnitFacts> sample() {
    return RandomFacts.units(99, 3, 12, 40);
  }

  @Test
  void roundTripIsExactAndStable() throws Exception {
    List<UnitFacts> units = sample();
    byte[] bytes = FactsFormat.write(units);
    List<UnitFacts> read = FactsFormat.read(bytes, SOURCE);
    assertEquals(LockGraph.merge(units).units(), read);
    assertArrayEquals(bytes, FactsFormat.write(read));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FactsFormat.write(units, out);
    assertArrayEquals(bytes, out.toByteArray());
    assertEquals(read, FactsFormat.read(new ByteArrayInputStream(bytes), SOURCE));
    assertEquals(LockGraph.merge(units).check(), LockGraph.merge(read).check());
  }

  @Test
  void roundTripKeepsDescriptionsAndUnicode() throws Exception {
    LockClass c = new LockClass("pkg.Ünï.lock", 3, "Ünï.lock", false, PseudoLock.NONE);
    UnitFacts u = UnitFacts.builder("src/Ünï.java")
        .acquire(List.of(Facts.held(LockClass.FS_RECLAIM)), c, ReadMode.SHARED, false,
            IrqState.IN_SOFTIRQ,
            new Provenance("src/Ünï.java", 70000, 300, "Ünï.m()", List.of("a()", "b()")))
        .build();
    UnitFacts back = FactsFormat.read(FactsFormat.write(List.of(u)), SOURCE).get(0);
    assertEquals(u, back);
    LockClass readBack = back.dependencies().get(0).to();
    assertEquals("Ünï.lock/3", readBack.displayName());
    assertEquals(false, readBack.reentrant());
    assertEquals(PseudoLock.FS_RECLAIM, back.dependencies().get(0).from().pseudo());
  }

  @Test
  void roundTripKeepsTheClassesInitialized() throws Exception {
    LockClass done = LockClass.of("pkg.Config" + LockClass.INITIALIZATION);
    UnitFacts u = UnitFacts.builder("src/Config.java")
        .acquire(
            List.of(Facts.held(LockClass.of("pkg.Config"))),
            new HeldLock(LockClass.of("pkg.Registry" + LockClass.INITIALIZATION), ReadMode.EXCLUSIVE, false, null,
                Facts.at("Config.java", 2)),
            IrqState.PROCESS, Set.of(done))
        .build();
    UnitFacts back = FactsFormat.read(FactsFormat.write(List.of(u)), SOURCE).get(0);
    assertEquals(u, back);
    assertEquals(Set.of(done), back.dependencies().get(0).initialized());
  }

  @Test
  void unitsDescribingOneClassDifferentlyKeepTheirDescriptions() throws Exception {
    LockClass plain = LockClass.of("pkg.K");
    LockClass described = new LockClass("pkg.K", 0, "K", false, PseudoLock.NONE);
    UnitFacts a = Facts.orders("A.java", plain, LockClass.of("pkg.L"));
    UnitFacts b = Facts.orders("B.java", described, LockClass.of("pkg.M"));
    List<UnitFacts> back = FactsFormat.read(FactsFormat.write(List.of(a, b)), SOURCE);
    assertEquals("pkg.K", back.get(0).dependencies().get(0).from().name());
    assertEquals("K", back.get(1).dependencies().get(0).from().name());
    assertEquals(LockGraph.of(a, b).check(), LockGraph.merge(back).check());
  }

  @Test
  void emptyFileOfNoUnits() throws Exception {
    assertEquals(List.of(), FactsFormat.read(FactsFormat.write(List.of()), SOURCE));
  }

  @Test
  void versionMismatchNamesSourceAndVersions() {
    byte[] bytes = FactsFormat.write(sample());
    bytes[5] = 9;
    FactsFormatException e =
        assertThrows(FactsFormatException.class, () -> FactsFormat.read(bytes, SOURCE));
    assertTrue(e.getMessage().startsWith(SOURCE + ": lockdep facts file version 9 is not supported"),
        e.getMessage());
    assertEquals(SOURCE, e.source());
  }

  @Test
  void badMagicAndTruncationAndChecksum() {
    byte[] bytes = FactsFormat.write(sample());
    byte[] magic = bytes.clone();
    magic[0] = 'X';
    assertMessage(magic, "not a lockdep facts file (bad magic)");
    assertMessage(new byte[3], "shorter than a header");
    assertMessage(Arrays.copyOf(bytes, bytes.length - 1), "checksum mismatch");
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x10;
    assertMessage(flipped, "checksum mismatch");
  }

  @Test
  void corruptContentBehindAValidChecksumIsNamed() {
    byte[] bytes = FactsFormat.write(sample());
    // a huge string count right after the header
    byte[] huge = bytes.clone();
    huge[6] = (byte) 0xff;
    huge[7] = (byte) 0xff;
    huge[8] = (byte) 0xff;
    huge[9] = (byte) 0x7f;
    assertMessage(withChecksum(huge), "count of strings");
  }

  private static void assertMessage(byte[] bytes, String part) {
    FactsFormatException e =
        assertThrows(FactsFormatException.class, () -> FactsFormat.read(bytes, SOURCE));
    assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  /** The bytes with their trailing CRC recomputed, so the fuzzer reaches the parser. */
  private static byte[] withChecksum(byte[] bytes) {
    if (bytes.length < 4) {
      return bytes;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    long v = crc.getValue();
    int n = bytes.length;
    bytes[n - 4] = (byte) (v >>> 24);
    bytes[n - 3] = (byte) (v >>> 16);
    bytes[n - 2] = (byte) (v >>> 8);
    bytes[n - 1] = (byte) v;
    return bytes;
  }

  /** Either a valid read or a FactsFormatException: nothing else may escape. */
  private static void readOrRefuse(byte[] bytes) {
    try {
      List<UnitFacts> units = FactsFormat.read(bytes, SOURCE);
      // whatever was read is a usable graph
      LockGraph.merge(units).check();
    } catch (FactsFormatException e) {
      assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
    } catch (RuntimeException | Error e) {
      fail("reader let " + e + " escape on " + Arrays.toString(bytes), e);
    }
  }

  @Test
  void fuzzRandomBytes() {
    Random r = new Random(1);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = new byte[r.nextInt(200)];
      r.nextBytes(bytes);
      if (r.nextBoolean() && bytes.length >= 6) {
        System.arraycopy(new byte[] {'L', 'K', 'D', 'F', 0, 1}, 0, bytes, 0, 6);
      }
      readOrRefuse(bytes);
      readOrRefuse(withChecksum(bytes.clone()));
    }
  }

  @Test
  void fuzzTruncationsAtEveryLength() {
    byte[] bytes = FactsFormat.write(sample());
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      readOrRefuse(cut);
      readOrRefuse(withChecksum(cut.clone()));
    }
  }

  @Test
  void fuzzEveryBitFlip() {
    byte[] bytes = FactsFormat.write(RandomFacts.units(5, 2, 6, 10));
    for (int bit = 0; bit < bytes.length * 8; bit++) {
      byte[] flipped = bytes.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      readOrRefuse(flipped);
      readOrRefuse(withChecksum(flipped));
    }
  }

  @Test
  void fuzzRandomMutations() {
    byte[] bytes = FactsFormat.write(sample());
    Random r = new Random(7);
    for (int i = 0; i < 5000; i++) {
      byte[] m = bytes.clone();
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        m[r.nextInt(m.length)] = (byte) r.nextInt(256);
      }
      readOrRefuse(withChecksum(m));
    }
  }

  @Test
  void streamErrorsStayIoExceptions() {
    assertThrows(IOException.class, () -> FactsFormat.read(new java.io.InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone");
      }
    }, SOURCE));
  }
}
