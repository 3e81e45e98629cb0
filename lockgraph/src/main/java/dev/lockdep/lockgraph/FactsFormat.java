package dev.lockdep.lockgraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The on-disk form of unit facts, e.g. {@code META-INF/lockdep/<name>.facts}.
 *
 * <pre>
 * file       = magic:"LKDF" version:u16 body crc32:u32      (crc over everything before it)
 * body       = strings classes provenances units
 * strings    = n:var (len:var utf8-bytes){n}
 * classes    = n:var (key:str subclass:u8 name:str flags:u8 pseudo:u8){n}   flags bit0 = reentrant
 * provenances= n:var (file:str line:var column:var method:str k:var str{k}){n}
 * units      = n:var (name:str deps uses recs){n}
 * deps       = n:var (from:cls fromMode:u8 to:cls toMode:u8 at:prov heldAt:prov){n}
 * uses       = n:var (cls bit:u8 at:prov){n}
 * recs       = n:var (held:cls heldMode:u8 nextMode:u8 kind:u8 heldAt:prov at:prov){n}
 * var        = unsigned LEB128, at most 5 bytes, value at most 2^31-1; str/cls/prov = var index
 * </pre>
 *
 * Units are written sorted by name, units of one name merged, and the tables in order of first
 * use, so equal facts give equal bytes. Reading checks every bound, index and enum value and
 * reports any problem as a {@link FactsFormatException}; it never deserialises Java objects.
 */
public final class FactsFormat {
  /** The current format version; readers refuse any other. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = {'L', 'K', 'D', 'F'};
  private static final int HEADER = MAGIC.length + 2;
  private static final int TRAILER = 4;

  private FactsFormat() {}

  /** The bytes of {@code units}, merged by name and sorted. */
  public static byte[] write(Collection<UnitFacts> units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(units, out);
    } catch (IOException e) {
      throw new AssertionError("in-memory stream failed", e);
    }
    return out.toByteArray();
  }

  public static void write(Collection<UnitFacts> units, OutputStream out) throws IOException {
    new Writer(LockGraph.mergeByName(units)).writeTo(out);
  }

  /** Reads all of {@code in}; {@code source} names it in error messages. */
  public static List<UnitFacts> read(InputStream in, String source)
      throws IOException, FactsFormatException {
    return read(in.readAllBytes(), source);
  }

  /** Decodes {@code bytes}; {@code source} names them in error messages. */
  public static List<UnitFacts> read(byte[] bytes, String source) throws FactsFormatException {
    return new Reader(bytes, source).readFile();
  }

  private static final class Writer {
    private final Collection<UnitFacts> units;
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private final Map<ClassEntry, Integer> classes = new HashMap<>();
    private final List<ClassEntry> classList = new ArrayList<>();
    private final Map<Provenance, Integer> provenances = new HashMap<>();
    private final List<Provenance> provenanceList = new ArrayList<>();

    Writer(Collection<UnitFacts> units) {
      this.units = units;
    }

    void writeTo(OutputStream sink) throws IOException {
      ByteArrayOutputStream unitBytes = new ByteArrayOutputStream();
      varint(unitBytes, units.size());
      for (UnitFacts u : units) {
        varint(unitBytes, string(u.name()));
        varint(unitBytes, u.dependencies().size());
        for (DependencyEdge d : u.dependencies()) {
          varint(unitBytes, lockClass(d.from()));
          unitBytes.write(d.fromMode().ordinal());
          varint(unitBytes, lockClass(d.to()));
          unitBytes.write(d.toMode().ordinal());
          varint(unitBytes, provenance(d.at()));
          varint(unitBytes, provenance(d.heldAt()));
        }
        varint(unitBytes, u.usages().size());
        for (UsageFact f : u.usages()) {
          varint(unitBytes, lockClass(f.lockClass()));
          unitBytes.write(f.bit().ordinal());
          varint(unitBytes, provenance(f.at()));
        }
        varint(unitBytes, u.recursions().size());
        for (RecursionFact r : u.recursions()) {
          varint(unitBytes, lockClass(r.held()));
          unitBytes.write(r.heldMode().ordinal());
          unitBytes.write(r.nextMode().ordinal());
          unitBytes.write(r.kind().ordinal());
          varint(unitBytes, provenance(r.heldAt()));
          varint(unitBytes, provenance(r.at()));
        }
      }
      // Class and provenance entries name strings too: fix their indexes before the string
      // table is written.
      ByteArrayOutputStream tables = new ByteArrayOutputStream();
      varint(tables, classList.size());
      for (ClassEntry c : classList) {
        varint(tables, string(c.key()));
        tables.write(c.subclass());
        varint(tables, string(c.name()));
        tables.write(c.reentrant() ? 1 : 0);
        tables.write(c.pseudo().ordinal());
      }
      varint(tables, provenanceList.size());
      for (Provenance p : provenanceList) {
        varint(tables, string(p.file()));
        varint(tables, p.line());
        varint(tables, p.column());
        varint(tables, string(p.method()));
        varint(tables, p.callChain().size());
        for (String call : p.callChain()) {
          varint(tables, string(call));
        }
      }
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.write(MAGIC);
      file.write(VERSION >>> 8);
      file.write(VERSION & 0xff);
      varint(file, stringList.size());
      for (String s : stringList) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(file, utf8.length);
        file.write(utf8);
      }
      tables.writeTo(file);
      unitBytes.writeTo(file);
      CRC32 crc = new CRC32();
      byte[] content = file.toByteArray();
      crc.update(content);
      long sum = crc.getValue();
      sink.write(content);
      sink.write(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
    }

    private int string(String s) {
      return index(strings, stringList, s);
    }

    private int lockClass(LockClass c) {
      return index(classes, classList,
          new ClassEntry(c.key(), c.subclass(), c.name(), c.reentrant(), c.pseudo()));
    }

    private int provenance(Provenance p) {
      return index(provenances, provenanceList, p);
    }

    private static <T> int index(Map<T, Integer> map, List<T> list, T value) {
      Integer i = map.get(value);
      if (i == null) {
        i = list.size();
        map.put(value, i);
        list.add(value);
      }
      return i;
    }

    private static void varint(OutputStream out, int value) throws IOException {
      if (value < 0) {
        throw new IllegalArgumentException("negative value in facts: " + value);
      }
      int v = value;
      while ((v & ~0x7f) != 0) {
        out.write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }
  }

  /** A class with its description: units may describe one class differently. */
  private record ClassEntry(
      String key, int subclass, String name, boolean reentrant, PseudoLock pseudo) {}

  private static final class Reader {
    private final byte[] bytes;
    private final String source;
    private final int end;
    private int pos;
    private String[] strings = new String[0];
    private LockClass[] classes = new LockClass[0];
    private Provenance[] provenances = new Provenance[0];

    Reader(byte[] bytes, String source) {
      this.bytes = bytes;
      this.source = source;
      this.end = bytes.length - TRAILER;
    }

    List<UnitFacts> readFile() throws FactsFormatException {
      if (bytes.length < HEADER + TRAILER) {
        throw fail("not a lockdep facts file: " + bytes.length + " bytes is shorter than a header");
      }
      for (int i = 0; i < MAGIC.length; i++) {
        if (bytes[i] != MAGIC[i]) {
          throw fail("not a lockdep facts file (bad magic)");
        }
      }
      int version = ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff);
      if (version != VERSION) {
        throw fail("facts format version " + version + " is not supported (this reader reads version "
            + VERSION + "); recompile the library with a matching lockdep-checker");
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, end);
      long stored = ((long) (bytes[end] & 0xff) << 24) | ((bytes[end + 1] & 0xff) << 16)
          | ((bytes[end + 2] & 0xff) << 8) | (bytes[end + 3] & 0xff);
      if (crc.getValue() != stored) {
        throw fail("checksum mismatch: the file is corrupt or truncated");
      }
      pos = HEADER;
      readStrings();
      readClasses();
      readProvenances();
      int unitCount = count("units", 2);
      Map<String, UnitFacts.Builder> units = new TreeMap<>();
      for (int i = 0; i < unitCount; i++) {
        String name = string();
        UnitFacts.Builder b = units.computeIfAbsent(name, UnitFacts::builder);
        int deps = count("dependencies of unit " + name, 6);
        for (int j = 0; j < deps; j++) {
          LockClass from = lockClass();
          ReadMode fromMode = enumValue(ReadMode.values(), "read mode");
          int toAt = pos;
          LockClass to = lockClass();
          ReadMode toMode = enumValue(ReadMode.values(), "read mode");
          if (from.equals(to)) {
            throw fail("dependency of " + from + " on itself at offset " + toAt
                + " in unit " + name);
          }
          b.addDependency(new DependencyEdge(from, fromMode, to, toMode, provenance(), provenance()));
        }
        int uses = count("usages of unit " + name, 3);
        for (int j = 0; j < uses; j++) {
          LockClass c = lockClass();
          UsageBit bit = enumValue(UsageBit.values(), "usage bit");
          b.addUsage(new UsageFact(c, bit, provenance()));
        }
        int recs = count("recursions of unit " + name, 6);
        for (int j = 0; j < recs; j++) {
          LockClass held = lockClass();
          ReadMode heldMode = enumValue(ReadMode.values(), "read mode");
          ReadMode nextMode = enumValue(ReadMode.values(), "read mode");
          RecursionFact.Kind kind = enumValue(RecursionFact.Kind.values(), "recursion kind");
          b.addRecursion(new RecursionFact(held, heldMode, nextMode, kind, provenance(), provenance()));
        }
      }
      if (pos != end) {
        throw fail((end - pos) + " unexpected bytes after the last unit at offset " + pos);
      }
      List<UnitFacts> result = new ArrayList<>(units.size());
      for (UnitFacts.Builder b : units.values()) {
        result.add(b.build());
      }
      return result;
    }

    private void readStrings() throws FactsFormatException {
      strings = new String[count("strings", 1)];
      var decoder =
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      for (int i = 0; i < strings.length; i++) {
        int len = varint();
        if (len > end - pos) {
          throw fail("string " + i + " of " + len + " bytes runs past the end at offset " + pos);
        }
        try {
          strings[i] = decoder.decode(ByteBuffer.wrap(bytes, pos, len)).toString();
        } catch (CharacterCodingException e) {
          throw fail("string " + i + " at offset " + pos + " is not valid UTF-8");
        }
        pos += len;
      }
    }

    private void readClasses() throws FactsFormatException {
      classes = new LockClass[count("lock classes", 5)];
      for (int i = 0; i < classes.length; i++) {
        String key = string();
        int subclass = u8();
        String name = string();
        int flags = u8();
        PseudoLock pseudo = enumValue(PseudoLock.values(), "pseudo-lock kind");
        if (key.isEmpty() || subclass >= LockClass.MAX_SUBCLASSES || (flags & ~1) != 0) {
          throw fail("lock class " + i + " (" + key + "/" + subclass + ", flags " + flags
              + ") is invalid");
        }
        classes[i] = new LockClass(key, subclass, name, (flags & 1) != 0, pseudo);
      }
    }

    private void readProvenances() throws FactsFormatException {
      provenances = new Provenance[count("provenances", 5)];
      for (int i = 0; i < provenances.length; i++) {
        String file = string();
        int line = varint();
        int column = varint();
        String method = string();
        int calls = count("call chain of provenance " + i, 1);
        List<String> chain = new ArrayList<>(calls);
        for (int j = 0; j < calls; j++) {
          chain.add(string());
        }
        provenances[i] = new Provenance(file, line, column, method, chain);
      }
    }

    private String string() throws FactsFormatException {
      return strings[index(strings.length, "string")];
    }

    private LockClass lockClass() throws FactsFormatException {
      return classes[index(classes.length, "lock class")];
    }

    private Provenance provenance() throws FactsFormatException {
      return provenances[index(provenances.length, "provenance")];
    }

    private int index(int size, String what) throws FactsFormatException {
      int at = pos;
      int i = varint();
      if (i >= size) {
        throw fail(what + " index " + i + " at offset " + at + " is out of range (" + size
            + " entries)");
      }
      return i;
    }

    private <E extends Enum<E>> E enumValue(E[] values, String what) throws FactsFormatException {
      int at = pos;
      int v = u8();
      if (v >= values.length) {
        throw fail(what + " " + v + " at offset " + at + " is out of range");
      }
      return values[v];
    }

    /** A count whose entries take at least {@code minBytes} each, so it fits what is left. */
    private int count(String what, int minBytes) throws FactsFormatException {
      int at = pos;
      int n = varint();
      if (n > (end - pos) / minBytes) {
        throw fail("count of " + what + " (" + n + ") at offset " + at
            + " exceeds the remaining data");
      }
      return n;
    }

    private int u8() throws FactsFormatException {
      if (pos >= end) {
        throw fail("unexpected end of data at offset " + pos);
      }
      return bytes[pos++] & 0xff;
    }

    private int varint() throws FactsFormatException {
      int at = pos;
      int value = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        int b = u8();
        value |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          if (value < 0 || (shift == 28 && b > 7)) {
            throw fail("number at offset " + at + " is out of range");
          }
          return value;
        }
      }
      throw fail("number at offset " + at + " is longer than 5 bytes");
    }

    private FactsFormatException fail(String problem) {
      return new FactsFormatException(source, problem);
    }
  }
}
