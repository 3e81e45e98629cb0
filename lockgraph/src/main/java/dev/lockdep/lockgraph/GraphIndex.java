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
 * free of comparisons: one pass over each unit's {@link FactColumns}, then a stable radix sort
 * groups the dependency facts by edge. Facts are kept as (unit, index) and turned into objects only
 * for reports.
 */
final class GraphIndex {
  /** The kernel's dma_resv_lockdep() prime, as a unit of its own that is never current. */
  private static final UnitFacts PRIME =
      UnitFacts.builder("")
          .addDependency(
              new DependencyEdge(
                  LockClass.FS_RECLAIM, ReadMode.EXCLUSIVE, LockClass.DMA_FENCE_MAP,
                  ReadMode.EXCLUSIVE,
                  new Provenance("dma-resv.c", 0, 0, "dma_resv_lockdep()", List.of()),
                  new Provenance("dma-resv.c", 0, 0, "dma_resv_lockdep()", List.of())))
          .build();

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
  /**
   * Per edge, the classes every one of its facts says have finished initializing ({@link
   * DependencyEdge#initialized}); null when no edge has any.
   */
  private final LockClass[][] edgeInitialized;

  private final List<UnitFacts> units;
  /**
   * Per edge position * 4 + type, where the edge's dep (current dep) has the type: the unit and
   * the index in its dependencies of the fact shown.
   */
  private final int[] firstFactUnit;
  private final int[] firstFact;
  private final int[] firstCurrentFactUnit;
  private final int[] firstCurrentFact;
  /** Per class * 10 + bit, where usage (current usage) has the bit: unit and index in usages. */
  private final int[] firstUsageUnit;
  private final int[] firstUsage;
  private final int[] firstCurrentUsageUnit;
  private final int[] firstCurrentUsage;

  private GraphIndex(Builder b) {
    units = b.units;
    classCount = b.classList.size();
    classes = b.classList.toArray(new LockClass[0]);
    int n = b.factFrom.size();
    // Sort the dependency facts by (from, to), stably, so that each edge's facts are adjacent in
    // unit order and edges come out in CSR order; a radix sort does this in a few sequential
    // passes where a hash table would miss the cache on every fact.
    int shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, classCount - 1));
    long toMask = (1L << shift) - 1;
    long[] keys = new long[n];
    int[] local = new int[n];
    int[] meta = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) b.factFrom.get(i) << shift) | b.factTo.get(i);
      local[i] = b.factLocal.get(i);
      meta[i] = b.factMeta.get(i);
    }
    RadixSort.sort(keys, local, meta, (long) classCount << shift);
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
    firstFactUnit = new int[edgeCount * 4];
    firstFact = new int[edgeCount * 4];
    firstCurrentFactUnit = new int[edgeCount * 4];
    firstCurrentFact = new int[edgeCount * 4];
    boolean anyInitialized = false;
    for (UnitFacts u : units) {
      anyInitialized |= u.columns.depInitialized != null;
    }
    edgeInitialized = anyInitialized ? new LockClass[edgeCount][] : null;
    int p = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || keys[i] != keys[i - 1]) {
        p++;
        edgeFrom[p] = (int) (keys[i] >>> shift);
        edgeTo[p] = (int) (keys[i] & toMask);
        outStart[edgeFrom[p] + 1]++;
        if (anyInitialized) {
          edgeInitialized[p] = initialized(meta[i] >>> 3, local[i]);
        }
      } else if (anyInitialized && edgeInitialized[p].length > 0) {
        edgeInitialized[p] = both(edgeInitialized[p], initialized(meta[i] >>> 3, local[i]));
      }
      int type = (meta[i] >>> 1) & 3;
      int bit = 1 << type;
      int slot = p * 4 + type;
      if ((edgeDep[p] & bit) == 0) {
        firstFactUnit[slot] = meta[i] >>> 3;
        firstFact[slot] = local[i];
        edgeDep[p] |= (byte) bit;
      }
      if ((meta[i] & 1) != 0 && (edgeCurrentDep[p] & bit) == 0) {
        firstCurrentFactUnit[slot] = meta[i] >>> 3;
        firstCurrentFact[slot] = local[i];
        edgeCurrentDep[p] |= (byte) bit;
      }
    }
    for (int c = 0; c < classCount; c++) {
      outStart[c + 1] += outStart[c];
    }
    usage = Arrays.copyOf(b.usage, classCount);
    currentUsage = Arrays.copyOf(b.currentUsage, classCount);
    firstUsageUnit = Arrays.copyOf(b.firstUsageUnit, classCount * BITS);
    firstUsage = Arrays.copyOf(b.firstUsage, classCount * BITS);
    firstCurrentUsageUnit = Arrays.copyOf(b.firstCurrentUsageUnit, classCount * BITS);
    firstCurrentUsage = Arrays.copyOf(b.firstCurrentUsage, classCount * BITS);
  }

  int edgeCount() {
    return edgeFrom.length;
  }

  /** The classes that have finished initializing whenever edge {@code p} is made. */
  LockClass[] initialized(int p) {
    return edgeInitialized == null ? FactColumns.NONE : edgeInitialized[p];
  }

  private LockClass[] initialized(int unit, int index) {
    LockClass[][] initialized = units.get(unit).columns.depInitialized;
    return initialized == null ? FactColumns.NONE : initialized[index];
  }

  /** The classes of {@code a} also in {@code b}. */
  private static LockClass[] both(LockClass[] a, LockClass[] b) {
    List<LockClass> kept = new ArrayList<>(a.length);
    for (LockClass c : a) {
      if (Arrays.asList(b).contains(c)) {
        kept.add(c);
      }
    }
    return kept.size() == a.length ? a : kept.toArray(FactColumns.NONE);
  }

  private ChainLink dependency(int unit, int index) {
    UnitFacts u = units.get(unit);
    return new ChainLink(u.dependencies().get(index), u.name());
  }

  /** The fact shown for edge {@code p} with type {@code t}: a current one when there is one. */
  ChainLink fact(int p, EdgeType t) {
    int slot = p * 4 + t.ordinal();
    return hasCurrentFact(p, t)
        ? dependency(firstCurrentFactUnit[slot], firstCurrentFact[slot])
        : dependency(firstFactUnit[slot], firstFact[slot]);
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
    for (EdgeType t : EdgeType.values()) {
      if (hasCurrentFact(p, t)) {
        Provenance at = fact(p, t).dependency().at();
        if (latest == null || at.compareTo(latest) > 0) {
          latest = at;
        }
      }
    }
    return latest;
  }

  /** The fact shown for usage bit {@code bit} of class {@code c}: a current one if any. */
  UsageLink usageFact(int c, UsageBit bit) {
    int slot = c * BITS + bit.ordinal();
    boolean current = usageIsCurrent(c, bit);
    UnitFacts u = units.get(current ? firstCurrentUsageUnit[slot] : firstUsageUnit[slot]);
    return new UsageLink(
        u.usages().get(current ? firstCurrentUsage[slot] : firstUsage[slot]), u.name());
  }

  boolean usageIsCurrent(int c, UsageBit bit) {
    return UsageBits.has(currentUsage[c], bit);
  }

  static GraphIndex build(List<UnitFacts> units, CheckOptions options) {
    List<UnitFacts> all = new ArrayList<>(units);
    if (options.primeFenceReclaim()) {
      // Last, so that a unit's own fact of this dependency is the one shown.
      all.add(PRIME);
    }
    Builder b = new Builder(all);
    for (int i = 0; i < all.size(); i++) {
      b.add(i, i < units.size() && options.isCurrent(units.get(i).name()));
    }
    return new GraphIndex(b);
  }

  private static final class Builder {
    private final List<UnitFacts> units;
    private final Map<LockClass, Integer> ids = new HashMap<>();
    private final List<LockClass> classList = new ArrayList<>();
    private final IntList factFrom;
    private final IntList factTo;
    /** The fact's index in its unit's dependencies. */
    private final IntList factLocal;
    /** unit << 3 | type << 1 | current. */
    private final IntList factMeta;
    private int[] usage = new int[256];
    private int[] currentUsage = new int[256];
    private int[] firstUsageUnit = new int[256 * BITS];
    private int[] firstUsage = new int[256 * BITS];
    private int[] firstCurrentUsageUnit = new int[256 * BITS];
    private int[] firstCurrentUsage = new int[256 * BITS];

    Builder(List<UnitFacts> units) {
      this.units = units;
      int facts = 1;
      for (UnitFacts u : units) {
        facts += u.dependencies().size();
      }
      factFrom = new IntList(facts);
      factTo = new IntList(facts);
      factLocal = new IntList(facts);
      factMeta = new IntList(facts);
    }

    private int id(LockClass c) {
      Integer id = ids.get(c);
      if (id == null) {
        id = classList.size();
        ids.put(c, id);
        classList.add(c);
        if (id == usage.length) {
          usage = Arrays.copyOf(usage, id * 2);
          currentUsage = Arrays.copyOf(currentUsage, id * 2);
          firstUsageUnit = Arrays.copyOf(firstUsageUnit, id * 2 * BITS);
          firstUsage = Arrays.copyOf(firstUsage, id * 2 * BITS);
          firstCurrentUsageUnit = Arrays.copyOf(firstCurrentUsageUnit, id * 2 * BITS);
          firstCurrentUsage = Arrays.copyOf(firstCurrentUsage, id * 2 * BITS);
        }
      } else {
        LockClass known = classList.get(id);
        if (known != c && LockClass.DESCRIPTION_ORDER.compare(c, known) < 0) {
          classList.set(id, c);
        }
      }
      return id;
    }

    void add(int unit, boolean current) {
      FactColumns col = units.get(unit).columns;
      int[] global = new int[col.classes.length];
      for (int i = 0; i < global.length; i++) {
        global[i] = id(col.classes[i]);
      }
      int flag = current ? 1 : 0;
      for (int j = 0; j < col.depFrom.length; j++) {
        factFrom.add(global[col.depFrom[j]]);
        factTo.add(global[col.depTo[j]]);
        factLocal.add(j);
        factMeta.add((unit << 3) | (col.depType[j] << 1) | flag);
      }
      for (int r = 0; r < col.runClass.length; r++) {
        int c = global[col.runClass[r]];
        int mask = col.runMask[r];
        int fresh = mask & ~usage[c];
        int freshCurrent = current ? mask & ~currentUsage[c] : 0;
        usage[c] |= mask;
        if (current) {
          currentUsage[c] |= mask;
        }
        if ((fresh | freshCurrent) == 0) {
          continue;
        }
        for (int i = col.runStart[r]; i < col.runStart[r + 1]; i++) {
          int bit = col.usageBit[i];
          int slot = c * BITS + bit;
          if ((fresh & (1 << bit)) != 0) {
            firstUsageUnit[slot] = unit;
            firstUsage[slot] = i;
          }
          if ((freshCurrent & (1 << bit)) != 0) {
            firstCurrentUsageUnit[slot] = unit;
            firstCurrentUsage[slot] = i;
          }
        }
      }
    }
  }
}
