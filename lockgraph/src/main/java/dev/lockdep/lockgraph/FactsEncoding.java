package dev.lockdep.lockgraph;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The primitives of lockdep's on-disk formats: a 4-byte magic and a big-endian u16 version, the
 * string, lock class and provenance tables (in order of first use, so equal contents give equal
 * bytes), a body of unsigned LEB128 varints, bytes and table indexes, and a CRC-32 trailer.
 *
 * <pre>
 * file        = magic version:u16 strings classes provenances body crc32:u32
 * strings     = n:var (len:var utf8-bytes){n}
 * classes     = n:var (key:str subclass:u8 name:str flags:u8 pseudo:u8){n}   flags bit0 = reentrant, bit1 = typed
 * provenances = n:var (file:str line:var column:var method:str k:var str{k}){n}
 * var         = unsigned LEB128, at most 5 bytes, value at most 2^31-1; str/cls/prov = var index
 * </pre>
 *
 * {@link Input} checks every bound, index and enum value and reports any problem as one
 * {@link FactsFormatException} naming the source; nothing is deserialised as Java objects.
 */
public final class FactsEncoding {
  private static final int TRAILER = 4;
  private static final char REPLACEMENT = '\uFFFD';
  private static final PseudoLock[] PSEUDO_LOCKS = PseudoLock.values();
  /** The flags of a lock class entry. */
  private static final int REENTRANT = 1;
  private static final int TYPED = 2;

  private FactsEncoding() {}

  /** Writes one file: body values first, then {@link #toByteArray()} puts the tables before them. */
  public static final class Output {
    private static final int HEADER = 6;

    private final byte[] magic;
    private final int version;
    private final Bytes body = new Bytes(8192);
    private final Index<String> strings = new StringIndex();
    private final Index<LockClass> classes = new ClassIndex();
    private final Index<Provenance> provenances = new ProvenanceIndex();

    public Output(byte[] magic, int version) {
      if (magic.length != 4 || version < 0 || version > 0xffff) {
        throw new IllegalArgumentException("bad header");
      }
      this.magic = magic.clone();
      this.version = version;
    }

    public void varint(int value) {
      body.varint(value);
    }

    public void u8(int value) {
      if (value < 0 || value > 0xff) {
        throw new IllegalArgumentException("not a byte: " + value);
      }
      body.write(value);
    }

    public void bool(boolean value) {
      body.write(value ? 1 : 0);
    }

    public void string(String s) {
      body.varint(stringIndex(s));
    }

    /** A nullable string: 0 for null, else the table index plus one. */
    public void optionalString(String s) {
      body.varint(s == null ? 0 : stringIndex(s) + 1);
    }

    public void lockClass(LockClass c) {
      body.varint(classes.indexOf(c, ClassIndex.hash(c)));
    }

    public void provenance(Provenance p) {
      body.varint(provenances.indexOf(p, ProvenanceIndex.hash(p)));
    }

    /** The whole file: header, tables, body and checksum. */
    public byte[] toByteArray() {
      // Class and provenance entries name strings too: fix their indexes before the string
      // table is written.
      Bytes tables = new Bytes(16 + 8 * (classes.size() + provenances.size()));
      tables.varint(classes.size());
      for (int i = 0; i < classes.size(); i++) {
        LockClass c = classes.get(i);
        tables.varint(stringIndex(c.key()));
        tables.write(c.subclass());
        tables.varint(stringIndex(c.name()));
        tables.write((c.reentrant() ? REENTRANT : 0) | (c.typed() ? TYPED : 0));
        tables.write(c.pseudo().ordinal());
      }
      tables.varint(provenances.size());
      for (int i = 0; i < provenances.size(); i++) {
        Provenance p = provenances.get(i);
        tables.varint(stringIndex(p.file()));
        tables.varint(p.line());
        tables.varint(p.column());
        tables.varint(stringIndex(p.method()));
        List<String> chain = p.callChain();
        tables.varint(chain.size());
        for (int j = 0; j < chain.size(); j++) {
          tables.varint(stringIndex(chain.get(j)));
        }
      }
      byte[][] utf8 = new byte[strings.size()][];
      int length = HEADER + Bytes.varintSize(utf8.length) + tables.size() + body.size();
      for (int i = 0; i < utf8.length; i++) {
        utf8[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
        length += Bytes.varintSize(utf8[i].length) + utf8[i].length;
      }
      Bytes file = new Bytes(length + TRAILER);
      file.write(magic, magic.length);
      file.write(version >>> 8);
      file.write(version & 0xff);
      file.varint(utf8.length);
      for (byte[] s : utf8) {
        file.varint(s.length);
        file.write(s, s.length);
      }
      file.write(tables.array(), tables.size());
      file.write(body.array(), body.size());
      CRC32 crc = new CRC32();
      crc.update(file.array(), 0, length);
      long sum = crc.getValue();
      file.write((int) (sum >>> 24));
      file.write((int) (sum >>> 16));
      file.write((int) (sum >>> 8));
      file.write((int) sum);
      return file.array();
    }

    private int stringIndex(String s) {
      return strings.indexOf(s, s.hashCode());
    }
  }

  /** A growable byte array: unlike {@code ByteArrayOutputStream}, unsynchronised and handing out its array. */
  private static final class Bytes {
    private byte[] bytes;
    private int size;

    Bytes(int capacity) {
      bytes = new byte[capacity];
    }

    void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    void write(byte[] b, int length) {
      if (bytes.length - size < length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
      }
      System.arraycopy(b, 0, bytes, size, length);
      size += length;
    }

    void varint(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("negative value in facts: " + value);
      }
      int v = value;
      while ((v & ~0x7f) != 0) {
        write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      write(v);
    }

    static int varintSize(int value) {
      int n = 1;
      for (int v = value >>> 7; v != 0; v >>>= 7) {
        n++;
      }
      return n;
    }

    int size() {
      return size;
    }

    /** The backing array: exactly the bytes written when they filled the initial capacity. */
    byte[] array() {
      return bytes;
    }
  }

  /**
   * The entries of a table in order of first use, each with its index: an open-addressing hash
   * table of int slots, without the boxed values and nodes of a {@code HashMap}. The caller
   * passes the hash, so only the equality of entries is per table.
   */
  abstract static class Index<T> {
    private Object[] entries = new Object[64];
    private int[] hashes = new int[64];
    /** Entry index plus one, 0 for a free slot; at most half full. */
    private int[] slots = new int[128];
    private int size;

    /** The index of {@code value}, which is appended if no equal entry is there yet. */
    final int indexOf(T value, int hash) {
      int mask = slots.length - 1;
      int i = (hash ^ (hash >>> 16)) & mask;
      for (int slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
        if (hashes[slot - 1] == hash && same(get(slot - 1), value)) {
          return slot - 1;
        }
      }
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      entries[size] = value;
      hashes[size] = hash;
      slots[i] = ++size;
      if (size * 2 > slots.length) {
        rehash();
      }
      return size - 1;
    }

    final int size() {
      return size;
    }

    @SuppressWarnings("unchecked")
    final T get(int index) {
      return (T) entries[index];
    }

    abstract boolean same(T a, T b);

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int e = 0; e < size; e++) {
        int i = (hashes[e] ^ (hashes[e] >>> 16)) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = e + 1;
      }
    }
  }

  private static final class StringIndex extends Index<String> {
    @Override
    boolean same(String a, String b) {
      return a.equals(b);
    }
  }

  /** Lock classes by their whole description: units may describe one class differently. */
  private static final class ClassIndex extends Index<LockClass> {
    static int hash(LockClass c) {
      return c.hashCode() * 31 + c.name().hashCode();
    }

    @Override
    boolean same(LockClass a, LockClass b) {
      return a.subclass() == b.subclass()
          && a.reentrant() == b.reentrant()
          && a.typed() == b.typed()
          && a.pseudo() == b.pseudo()
          && a.key().equals(b.key())
          && a.name().equals(b.name());
    }
  }

  /** Provenances by record equality, with a hash that does not walk the call chain. */
  private static final class ProvenanceIndex extends Index<Provenance> {
    static int hash(Provenance p) {
      return ((p.file().hashCode() * 31 + p.line()) * 31 + p.column()) * 31 + p.callChain().size();
    }

    @Override
    boolean same(Provenance a, Provenance b) {
      return a == b
          || a.line() == b.line()
              && a.column() == b.column()
              && a.file().equals(b.file())
              && a.method().equals(b.method())
              && a.callChain().equals(b.callChain());
    }
  }

  /** Reads one file with bounds checks; every problem is a {@link FactsFormatException}. */
  public static final class Input {
    private final byte[] bytes;
    private final String source;
    private final int end;
    private int pos;
    private String[] strings = new String[0];
    private LockClass[] classes = new LockClass[0];
    private Provenance[] provenances = new Provenance[0];

    private Input(byte[] bytes, String source) {
      this.bytes = bytes;
      this.source = source;
      this.end = bytes.length - TRAILER;
    }

    /**
     * Checks the header, version and checksum of {@code bytes} and reads the tables; the body
     * follows. {@code kind} names the format in messages ({@code "lockdep facts file"}).
     */
    public static Input open(byte[] bytes, String source, byte[] magic, int version, String kind)
        throws FactsFormatException {
      Input in = new Input(bytes, source);
      int header = magic.length + 2;
      if (bytes.length < header + TRAILER) {
        throw in.fail("not a " + kind + ": " + bytes.length + " bytes is shorter than a header");
      }
      for (int i = 0; i < magic.length; i++) {
        if (bytes[i] != magic[i]) {
          throw in.fail("not a " + kind + " (bad magic)");
        }
      }
      int found = ((bytes[magic.length] & 0xff) << 8) | (bytes[magic.length + 1] & 0xff);
      if (found != version) {
        throw in.fail(kind + " version " + found + " is not supported (this reader reads version "
            + version + "); recompile the library with a matching lockdep-checker");
      }
      CRC32 crc = new CRC32();
      crc.update(bytes, 0, in.end);
      int end = in.end;
      long stored = ((long) (bytes[end] & 0xff) << 24) | ((bytes[end + 1] & 0xff) << 16)
          | ((bytes[end + 2] & 0xff) << 8) | (bytes[end + 3] & 0xff);
      if (crc.getValue() != stored) {
        throw in.fail("checksum mismatch: the file is corrupt or truncated");
      }
      in.pos = header;
      in.readStrings();
      in.readClasses();
      in.readProvenances();
      return in;
    }

    public String string() throws FactsFormatException {
      return strings[index(strings.length, "string")];
    }

    public String optionalString() throws FactsFormatException {
      int at = pos;
      int i = varint();
      if (i > strings.length) {
        throw fail("string index " + (i - 1) + " at offset " + at + " is out of range (" + strings.length
            + " entries)");
      }
      return i == 0 ? null : strings[i - 1];
    }

    public LockClass lockClass() throws FactsFormatException {
      return classes[index(classes.length, "lock class")];
    }

    public Provenance provenance() throws FactsFormatException {
      return provenances[index(provenances.length, "provenance")];
    }

    public boolean bool() throws FactsFormatException {
      int at = pos;
      int v = u8();
      if (v > 1) {
        throw fail("flag " + v + " at offset " + at + " is neither 0 nor 1");
      }
      return v == 1;
    }

    public <E extends Enum<E>> E enumValue(E[] values, String what) throws FactsFormatException {
      int at = pos;
      int v = u8();
      if (v >= values.length) {
        throw fail(what + " " + v + " at offset " + at + " is out of range");
      }
      return values[v];
    }

    /** A count whose entries take at least {@code minBytes} each, so it fits what is left. */
    public int count(String what, int minBytes) throws FactsFormatException {
      return count(what, "", minBytes);
    }

    /**
     * A count of {@code what + subject}: the two are joined only for the message, not for every
     * count of a file that is fine.
     */
    public int count(String what, Object subject, int minBytes) throws FactsFormatException {
      int at = pos;
      int n = varint();
      if (n > (end - pos) / minBytes) {
        throw fail("count of " + what + subject + " (" + n + ") at offset " + at + " exceeds the remaining data");
      }
      return n;
    }

    public int u8() throws FactsFormatException {
      if (pos >= end) {
        throw fail("unexpected end of data at offset " + pos);
      }
      return bytes[pos++] & 0xff;
    }

    public int varint() throws FactsFormatException {
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

    /** The offset of the next value, for messages. */
    public int offset() {
      return pos;
    }

    /** Refuses bytes after the body. */
    public void expectEnd(String after) throws FactsFormatException {
      if (pos != end) {
        throw fail((end - pos) + " unexpected bytes after " + after + " at offset " + pos);
      }
    }

    public FactsFormatException fail(String problem) {
      return new FactsFormatException(source, problem);
    }

    private int index(int size, String what) throws FactsFormatException {
      int at = pos;
      int i = varint();
      if (i >= size) {
        throw fail(what + " index " + i + " at offset " + at + " is out of range (" + size + " entries)");
      }
      return i;
    }

    private void readStrings() throws FactsFormatException {
      strings = new String[count("strings", 1)];
      for (int i = 0; i < strings.length; i++) {
        int len = varint();
        if (len > end - pos) {
          throw fail("string " + i + " of " + len + " bytes runs past the end at offset " + pos);
        }
        try {
          strings[i] = utf8(pos, len);
        } catch (CharacterCodingException e) {
          throw fail("string " + i + " at offset " + pos + " is not valid UTF-8");
        }
        pos += len;
      }
    }

    /**
     * Strict UTF-8 decoding. The {@code String} constructor is the fast path but replaces
     * malformed input with U+FFFD; as the writer may have meant a U+FFFD, a string containing one
     * is decoded again by a decoder that reports malformed input.
     */
    private String utf8(int offset, int length) throws CharacterCodingException {
      String s = new String(bytes, offset, length, StandardCharsets.UTF_8);
      if (s.indexOf(REPLACEMENT) < 0) {
        return s;
      }
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    }

    private void readClasses() throws FactsFormatException {
      classes = new LockClass[count("lock classes", 5)];
      for (int i = 0; i < classes.length; i++) {
        String key = string();
        int subclass = u8();
        String name = string();
        int flags = u8();
        PseudoLock pseudo = enumValue(PSEUDO_LOCKS, "pseudo-lock kind");
        if (key.isEmpty() || subclass >= LockClass.MAX_SUBCLASSES || (flags & ~(REENTRANT | TYPED)) != 0) {
          throw fail("lock class " + i + " (" + key + "/" + subclass + ", flags " + flags + ") is invalid");
        }
        classes[i] = new LockClass(key, subclass, name, (flags & REENTRANT) != 0, pseudo, (flags & TYPED) != 0);
      }
    }

    private void readProvenances() throws FactsFormatException {
      provenances = new Provenance[count("provenances", 5)];
      for (int i = 0; i < provenances.length; i++) {
        String file = string();
        int line = varint();
        int column = varint();
        String method = string();
        int calls = count("call chain of provenance ", i, 1);
        List<String> chain = new ArrayList<>(calls);
        for (int j = 0; j < calls; j++) {
          chain.add(string());
        }
        provenances[i] = new Provenance(file, line, column, method, chain);
      }
    }
  }
}
