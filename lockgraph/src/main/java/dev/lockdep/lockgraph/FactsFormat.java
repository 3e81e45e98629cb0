package dev.lockdep.lockgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The on-disk form of unit facts, e.g. {@code META-INF/lockdep/<name>.facts}, on the primitives
 * of {@link FactsEncoding} (header, tables, bounds-checked reading, checksum).
 *
 * <pre>
 * file  = magic:"LKDF" version:u16 strings classes provenances units crc32:u32
 * units = n:var (name:str deps uses recs){n}
 * deps  = n:var (from:cls fromMode:u8 to:cls toMode:u8 at:prov heldAt:prov initialized){n}
 * initialized = n:var cls{n}   (sorted; DependencyEdge#initialized)
 * uses  = n:var (cls bit:u8 at:prov){n}
 * recs  = n:var (held:cls heldMode:u8 nextMode:u8 kind:u8 heldAt:prov at:prov){n}
 * </pre>
 *
 * Units are written sorted by name, units of one name merged, and the tables in order of first
 * use, so equal facts give equal bytes. Reading checks every bound, index and enum value and
 * reports any problem as a {@link FactsFormatException}; it never deserialises Java objects.
 */
public final class FactsFormat {
  /** The current format version; readers refuse any other. */
  public static final int VERSION = 2;

  private static final byte[] MAGIC = {'L', 'K', 'D', 'F'};
  private static final String KIND = "lockdep facts file";

  private FactsFormat() {}

  /** The bytes of {@code units}, merged by name and sorted. */
  public static byte[] write(Collection<UnitFacts> units) {
    FactsEncoding.Output out = new FactsEncoding.Output(MAGIC, VERSION);
    List<UnitFacts> merged = LockGraph.mergeByName(units);
    out.varint(merged.size());
    for (UnitFacts u : merged) {
      out.string(u.name());
      out.varint(u.dependencies().size());
      for (DependencyEdge d : u.dependencies()) {
        out.lockClass(d.from());
        out.u8(d.fromMode().ordinal());
        out.lockClass(d.to());
        out.u8(d.toMode().ordinal());
        out.provenance(d.at());
        out.provenance(d.heldAt());
        out.varint(d.initialized().size());
        for (LockClass c : new TreeSet<>(d.initialized())) {
          out.lockClass(c);
        }
      }
      out.varint(u.usages().size());
      for (UsageFact f : u.usages()) {
        out.lockClass(f.lockClass());
        out.u8(f.bit().ordinal());
        out.provenance(f.at());
      }
      out.varint(u.recursions().size());
      for (RecursionFact r : u.recursions()) {
        out.lockClass(r.held());
        out.u8(r.heldMode().ordinal());
        out.u8(r.nextMode().ordinal());
        out.u8(r.kind().ordinal());
        out.provenance(r.heldAt());
        out.provenance(r.at());
      }
    }
    return out.toByteArray();
  }

  public static void write(Collection<UnitFacts> units, OutputStream out) throws IOException {
    out.write(write(units));
  }

  /** Reads all of {@code in}; {@code source} names it in error messages. */
  public static List<UnitFacts> read(InputStream in, String source)
      throws IOException, FactsFormatException {
    return read(in.readAllBytes(), source);
  }

  /** Decodes {@code bytes}; {@code source} names them in error messages. */
  public static List<UnitFacts> read(byte[] bytes, String source) throws FactsFormatException {
    FactsEncoding.Input in = FactsEncoding.Input.open(bytes, source, MAGIC, VERSION, KIND);
    int unitCount = in.count("units", 2);
    Map<String, UnitFacts.Builder> units = new TreeMap<>();
    for (int i = 0; i < unitCount; i++) {
      String name = in.string();
      UnitFacts.Builder b = units.computeIfAbsent(name, UnitFacts::builder);
      int deps = in.count("dependencies of unit ", name, 7);
      for (int j = 0; j < deps; j++) {
        LockClass from = in.lockClass();
        ReadMode fromMode = in.enumValue(ReadMode.values(), "read mode");
        int toAt = in.offset();
        LockClass to = in.lockClass();
        ReadMode toMode = in.enumValue(ReadMode.values(), "read mode");
        if (from.equals(to)) {
          throw in.fail("dependency of " + from + " on itself at offset " + toAt + " in unit "
              + name);
        }
        Provenance at = in.provenance();
        Provenance heldAt = in.provenance();
        int initializedCount = in.count("initialized classes of unit ", name, 1);
        Set<LockClass> initialized = new TreeSet<>();
        for (int k = 0; k < initializedCount; k++) {
          initialized.add(in.lockClass());
        }
        b.addDependency(new DependencyEdge(from, fromMode, to, toMode, at, heldAt, initialized));
      }
      int uses = in.count("usages of unit ", name, 3);
      for (int j = 0; j < uses; j++) {
        LockClass c = in.lockClass();
        UsageBit bit = in.enumValue(UsageBit.values(), "usage bit");
        b.addUsage(new UsageFact(c, bit, in.provenance()));
      }
      int recs = in.count("recursions of unit ", name, 6);
      for (int j = 0; j < recs; j++) {
        LockClass held = in.lockClass();
        ReadMode heldMode = in.enumValue(ReadMode.values(), "read mode");
        ReadMode nextMode = in.enumValue(ReadMode.values(), "read mode");
        RecursionFact.Kind kind = in.enumValue(RecursionFact.Kind.values(), "recursion kind");
        b.addRecursion(
            new RecursionFact(held, heldMode, nextMode, kind, in.provenance(), in.provenance()));
      }
    }
    in.expectEnd("the last unit");
    List<UnitFacts> result = new ArrayList<>(units.size());
    for (UnitFacts.Builder b : units.values()) {
      result.add(b.build());
    }
    return result;
  }
}
