package dev.lockdep.lockgraph;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The primitives of lockdep's on-disk formats: a 4-byte magic and a big-endian u16 version, the
 * string, lock class and provenance tables (in order of first use, so equal contents give equal
 * bytes), a body of unsigned LEB128 varints, bytes and table indexes, and a CRC-32 trailer.
 *
 * <pre>
 * file        = magic version:u16 strings classes provenances body crc32:u32
 * strings     = n:var (len:var utf8-bytes){n}
 * classes     = n:var (key:str subclass:u8 name:str flags:u8 pseudo:u8){n}   flags bit0 = reentrant
 * provenances = n:var (file:str line:var column:var method:str k:var str{k}){n}
 * var         = unsigned LEB128, at most 5 bytes, value at most 2^31-1; str/cls/prov = var index
 * </pre>
 *
 * {@link Input} checks every bound, index and enum value and reports any problem as one
 * {@link FactsFormatException} naming the source; nothing is deserialised as Java objects.
 */
public final class FactsEncoding {
  private static final int TRAILER = 4;

  private FactsEncoding() {}

  /** Writes one file: body values first, then {@link #toByteArray()} puts the tables before them. */
  public static final class Output {
    private final byte[] magic;
    private final int version;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private final Map<ClassEntry, Integer> classes = new HashMap<>();
    private final List<ClassEntry> classList = new ArrayList<>();
    private final Map<Provenance, Integer> provenances = new HashMap<>();
    private final List<Provenance> provenanceList = new ArrayList<>();

    public Output(byte[] magic, int version) {
      if (magic.length != 4 || version < 0 || version > 0xffff) {
        throw new IllegalArgumentException("bad header");
      }
      this.magic = magic.clone();
      this.version = version;
    }

    public void varint(int value) {
      varint(body, value);
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
      varint(body, stringIndex(s));
    }

    /** A nullable string: 0 for null, else the table index plus one. */
    public void optionalString(String s) {
      varint(body, s == null ? 0 : stringIndex(s) + 1);
    }

    public void lockClass(LockClass c) {
      varint(body, classIndex(c));
    }

    public void provenance(Provenance p) {
      varint(body, index(provenances, provenanceList, p));
    }

    /** The whole file: header, tables, body and checksum. */
    public byte[] toByteArray() {
      // Class and provenance entries name strings too: fix their indexes before the string
      // table is written.
      ByteArrayOutputStream tables = new ByteArrayOutputStream();
      varint(tables, classList.size());
      for (ClassEntry c : classList) {
        varint(tables, stringIndex(c.key()));
        tables.write(c.subclass());
        varint(tables, stringIndex(c.name()));
        tables.write(c.reentrant() ? 1 : 0);
        tables.write(c.pseudo().ordinal());
      }
      varint(tables, provenanceList.size());
      for (Provenance p : provenanceList) {
        varint(tables, stringIndex(p.file()));
        varint(tables, p.line());
        varint(tables, p.column());
        varint(tables, stringIndex(p.method()));
        varint(tables, p.callChain().size());
        for (String call : p.callChain()) {
          varint(tables, stringIndex(call));
        }
      }
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      file.writeBytes(magic);
      file.write(version >>> 8);
      file.write(version & 0xff);
      varint(file, stringList.size());
      for (String s : stringList) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(file, utf8.length);
        file.writeBytes(utf8);
      }
      file.writeBytes(tables.toByteArray());
      file.writeBytes(body.toByteArray());
      CRC32 crc = new CRC32();
      byte[] content = file.toByteArray();
      crc.update(content);
      long sum = crc.getValue();
      file.writeBytes(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
      return file.toByteArray();
    }

    private int stringIndex(String s) {
      return index(strings, stringList, s);
    }

    private int classIndex(LockClass c) {
      return index(classes, classList, new ClassEntry(c.key(), c.subclass(), c.name(), c.reentrant(), c.pseudo()));
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

    private static void varint(ByteArrayOutputStream out, int value) {
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
  private record ClassEntry(String key, int subclass, String name, boolean reentrant, PseudoLock pseudo) {}

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
      int at = pos;
      int n = varint();
      if (n > (end - pos) / minBytes) {
        throw fail("count of " + what + " (" + n + ") at offset " + at + " exceeds the remaining data");
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
          throw fail("lock class " + i + " (" + key + "/" + subclass + ", flags " + flags + ") is invalid");
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
  }
}
