package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged graph in array form for the checks. Units are read in name order, so class
 * numbering, adjacency order and the facts kept are independent of the order units were given
 * in. Every class edge keeps its dep mask and, per edge type and per usage bit, the fact of the
 * first unit that has it (each unit holds only its least fact per key) and the fact of the first
 * current unit that has it. Taking the first rather than comparing provenances keeps the merge
 * free of comparisons: one pass, one lookup per fact.
 */
final class GraphIndex {
  static final Provenance PRIME_PROVENANCE =
      new Provenance("dma-resv.c", 0, 0, "dma_resv_lockdep()", List.of());
  /** The unit index of the primed dependency, whose unit name is empty. */
  private static final int PRIME_UNIT = -1;

  private static final int BITS = UsageBit.values().length;

  final LockClass[] classes;
  final int classCount;
  /** CSR of forward edges: the edges of class u are positions outStart[u]..outStart[u+1]-1. */
  final int[] outStart;
  final int[] edgeFrom;
  final int[] edgeTo;
  final byte[] edgeDep;
  /** The dep bits of each edge that have a fact from a current unit. */
  final byte[] edgeCurrentDep;
  final int[] usage;
  final int[] currentUsage;

  private final List<String> unitNames;
  /** Per edge position * 4 + type. */
  private final DependencyEdge[] firstFact;
  private final int[] firstFactUnit;
  private final DependencyEdge[] firstCurrentFact;
  private final int[] firstCurrentFactUnit;
  /** Per class * 10 + bit. */
  private final UsageFact[] firstUsage;
  private final int[] firstUsageUnit;
  private final UsageFact[] firstCurrentUsage;
  private final int[] firstCurrentUsageUnit;

  private GraphIndex(Builder b) {
    unitNames = b.unitNames;
    classCount = b.classList.size();
    classes = b.classList.toArray(new LockClass[0]);
    int n = b.factCount;
    // Sort the dependency facts by (from, to), stably, so that each edge's facts are adjacent in
    // unit order and edges come out in CSR order; a radix sort does this in a few sequential
    // passes where a hash table would miss the cache on every fact.
    int shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, classCount - 1));
    long toMask = (1L << shift) - 1;
    long[] keys = new long[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) b.factFrom.get(i) << shift) | b.factTo.get(i);
      order[i] = i;
    }
    RadixSort.sort(keys, order, (long) classCount << shift);
    int edgeCount = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        edgeCount++;
      }
    }
    outStart = new int[classCount + 1];
    edgeFrom = new int[edgeCount];
    edgeTo = new int[edgeCount];
    edgeDep = new byte[edgeCount];
    edgeCurrentDep = new byte[edgeCount];
    firstFact = new DependencyEdge[edgeCount * 4];
    firstFactUnit = new int[edgeCount * 4];
    firstCurrentFact = new DependencyEdge[edgeCount * 4];
    firstCurrentFactUnit = new int[edgeCount * 4];
    int p = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        p++;
        edgeFrom[p] = (int) (keys[i] >>> shift);
        edgeTo[p] = (int) (keys[i] & toMask);
        outStart[edgeFrom[p] + 1]++;
      }
      int f = order[i];
      int meta = b.factMeta.get(f);
      int type = (meta >>> 1) & 3;
      int slot = p * 4 + type;
      int unit = (meta >> 3);
      if (firstFact[slot] == null) {
        firstFact[slot] = b.factRefs.get(f);
        firstFactUnit[slot] = unit;
        edgeDep[p] |= (byte) (1 << type);
      }
      if ((meta & 1) != 0 && firstCurrentFact[slot] == null) {
        firstCurrentFact[slot] = b.factRefs.get(f);
        firstCurrentFactUnit[slot] = unit;
        edgeCurrentDep[p] |= (byte) (1 << type);
      }
    }
    for (int c = 0; c < classCount; c++) {
      outStart[c + 1] += outStart[c];
    }
    usage = Arrays.copyOf(b.usage, classCount);
    currentUsage = Arrays.copyOf(b.currentUsage, classCount);
    firstUsage = Arrays.copyOf(b.firstUsage, classCount * BITS);
    firstUsageUnit = Arrays.copyOf(b.firstUsageUnit, classCount * BITS);
    firstCurrentUsage = Arrays.copyOf(b.firstCurrentUsage, classCount * BITS);
    firstCurrentUsageUnit = Arrays.copyOf(b.firstCurrentUsageUnit, classCount * BITS);
  }

  int edgeCount() {
    return edgeFrom.length;
  }

  private String unitName(int unit) {
    return unit == PRIME_UNIT ? "" : unitNames.get(unit);
  }

  /** The fact shown for edge {@code p} with type {@code t}: a current one when there is one. */
  ChainLink fact(int p, EdgeType t) {
    int slot = p * 4 + t.ordinal();
    return firstCurrentFact[slot] != null
        ? new ChainLink(firstCurrentFact[slot], unitName(firstCurrentFactUnit[slot]))
        : new ChainLink(firstFact[slot], unitName(firstFactUnit[slot]));
  }

  boolean hasCurrentFact(int p, EdgeType t) {
    return (edgeCurrentDep[p] & t.mask()) != 0;
  }

  /** The dep mask of the types of edge {@code p} that have a current fact. */
  int currentTypes(int p) {
    return edgeCurrentDep[p];
  }

  /** The greatest acquisition among the current facts of edge {@code p}, which has some. */
  Provenance latestCurrentAt(int p) {
    Provenance latest = null;
    for (int t = 0; t < 4; t++) {
      DependencyEdge d = firstCurrentFact[p * 4 + t];
      if (d != null && (latest == null || d.at().compareTo(latest) > 0)) {
        latest = d.at();
      }
    }
    return latest;
  }

  /** The fact shown for usage bit {@code bit} of class {@code c}: a current one if any. */
  UsageLink usageFact(int c, UsageBit bit) {
    int slot = c * BITS + bit.ordinal();
    return firstCurrentUsage[slot] != null
        ? new UsageLink(firstCurrentUsage[slot], unitName(firstCurrentUsageUnit[slot]))
        : new UsageLink(firstUsage[slot], unitName(firstUsageUnit[slot]));
  }

  boolean usageIsCurrent(int c, UsageBit bit) {
    return UsageBits.has(currentUsage[c], bit);
  }

  static GraphIndex build(List<UnitFacts> units, CheckOptions options) {
    Builder b = new Builder(units);
    if (options.primeFenceReclaim()) {
      b.addDependency(
          new DependencyEdge(
              LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, LockClass.DMA_FENCE_MAP, ReadMode.EXCLUSIVE,
              PRIME_PROVENANCE, PRIME_PROVENANCE),
          PRIME_UNIT, false);
    }
    for (int i = 0; i < units.size(); i++) {
      UnitFacts u = units.get(i);
      boolean current = options.isCurrent(u.name());
      for (DependencyEdge d : u.dependencies()) {
        b.addDependency(d, i, current);
      }
      for (UsageFact f : u.usages()) {
        b.addUsage(f, i, current);
      }
    }
    return new GraphIndex(b);
  }

  private static final class Builder {
    private final List<String> unitNames = new ArrayList<>();
    private final Map<LockClass, Integer> ids = new HashMap<>();
    private final List<LockClass> classList = new ArrayList<>();
    private final IntList factFrom;
    private final IntList factTo;
    /** unit << 3 | type << 1 | current. */
    private final IntList factMeta;
    private final List<DependencyEdge> factRefs;
    private int factCount;
    private int[] usage = new int[256];
    private int[] currentUsage = new int[256];
    private UsageFact[] firstUsage = new UsageFact[256 * BITS];
    private int[] firstUsageUnit = new int[256 * BITS];
    private UsageFact[] firstCurrentUsage = new UsageFact[256 * BITS];
    private int[] firstCurrentUsageUnit = new int[256 * BITS];
    private LockClass lastClass;
    private int lastId;

    Builder(List<UnitFacts> units) {
      int facts = 1;
      for (UnitFacts u : units) {
        unitNames.add(u.name());
        facts += u.dependencies().size();
      }
      factFrom = new IntList(facts);
      factTo = new IntList(facts);
      factMeta = new IntList(facts);
      factRefs = new ArrayList<>(facts);
    }

    /**
     * The id of {@code c}. Facts come sorted by class, so the last class asked for is usually the
     * next one asked for.
     */
    private int id(LockClass c) {
      if (c == lastClass) {
        return lastId;
      }
      Integer id = ids.get(c);
      if (id == null) {
        id = classList.size();
        ids.put(c, id);
        classList.add(c);
        if (id == usage.length) {
          usage = Arrays.copyOf(usage, id * 2);
          currentUsage = Arrays.copyOf(currentUsage, id * 2);
          firstUsage = Arrays.copyOf(firstUsage, id * 2 * BITS);
          firstUsageUnit = Arrays.copyOf(firstUsageUnit, id * 2 * BITS);
          firstCurrentUsage = Arrays.copyOf(firstCurrentUsage, id * 2 * BITS);
          firstCurrentUsageUnit = Arrays.copyOf(firstCurrentUsageUnit, id * 2 * BITS);
        }
      } else {
        LockClass known = classList.get(id);
        if (known != c && LockClass.DESCRIPTION_ORDER.compare(c, known) < 0) {
          classList.set(id, c);
        }
      }
      lastClass = c;
      lastId = id;
      return id;
    }

    void addDependency(DependencyEdge d, int unit, boolean current) {
      factFrom.add(id(d.from()));
      factTo.add(id(d.to()));
      factMeta.add((unit << 3) | (d.type().ordinal() << 1) | (current ? 1 : 0));
      factRefs.add(d);
      factCount++;
    }

    void addUsage(UsageFact f, int unit, boolean current) {
      int c = id(f.lockClass());
      int slot = c * BITS + f.bit().ordinal();
      if (firstUsage[slot] == null) {
        firstUsage[slot] = f;
        firstUsageUnit[slot] = unit;
        usage[c] |= f.bit().mask();
      }
      if (current && firstCurrentUsage[slot] == null) {
        firstCurrentUsage[slot] = f;
        firstCurrentUsageUnit[slot] = unit;
        currentUsage[c] |= f.bit().mask();
      }
    }
  }
}
