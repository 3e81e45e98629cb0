package dev.lockdep.lockgraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of one compilation unit: the dependencies, usage bits and refused re-acquisitions
 * that lockdep's runtime would record for the acquisitions and irq enables the front end reports.
 * The builder applies lockdep's per-acquisition rules ({@code mark_usage}, {@code
 * check_deadlock}, {@code check_prevs_add}); the whole-graph checks run later in {@link
 * LockGraph}. Facts are deduplicated keeping the least provenance, and kept sorted, so equal
 * inputs give equal objects and equal bytes.
 */
public final class UnitFacts {
  private final String name;
  private final List<DependencyEdge> dependencies;
  private final List<UsageFact> usages;
  private final List<RecursionFact> recursions;
  final FactColumns columns;

  private UnitFacts(
      String name,
      List<DependencyEdge> dependencies,
      List<UsageFact> usages,
      List<RecursionFact> recursions) {
    this.name = name;
    this.dependencies = dependencies;
    this.usages = usages;
    this.recursions = recursions;
    this.columns = new FactColumns(dependencies, usages);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The unit's name, e.g. its source path; units of one name are merged. */
  public String name() {
    return name;
  }

  /** Sorted, one per (from, to, type). */
  public List<DependencyEdge> dependencies() {
    return dependencies;
  }

  /** Sorted, one per (class, bit). */
  public List<UsageFact> usages() {
    return usages;
  }

  /** Sorted, one per (class, acquisition position). */
  public List<RecursionFact> recursions() {
    return recursions;
  }

  /** The union of two units' facts, under this unit's name. */
  public UnitFacts union(UnitFacts other) {
    Builder b = new Builder(name);
    b.addAll(this);
    b.addAll(other);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnitFacts u
        && name.equals(u.name)
        && dependencies.equals(u.dependencies)
        && usages.equals(u.usages)
        && recursions.equals(u.recursions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dependencies, usages, recursions);
  }

  @Override
  public String toString() {
    return "UnitFacts[" + name + ": " + dependencies.size() + " dependencies, " + usages.size()
        + " usages, " + recursions.size() + " recursions]";
  }

  /** Collects the facts of one unit. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Map<LockClass, LockClass> classes = new HashMap<>();
    private final Map<DependencyKey, DependencyEdge> dependencies = new HashMap<>();
    private final Map<UsageKey, UsageFact> usages = new HashMap<>();
    private final Map<RecursionKey, RecursionFact> recursions = new HashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name);
    }

    /**
     * lockdep's {@code lock_acquire}: {@code next} is acquired with {@code held} (this context's
     * held stack, oldest first) held, in irq state {@code irq}.
     */
    public Builder acquire(
        List<HeldLock> held,
        LockClass next,
        ReadMode read,
        boolean trylock,
        IrqState irq,
        Provenance at) {
      return acquire(held, new HeldLock(next, read, trylock, null, at), irq);
    }

    /**
     * As {@link #acquire(List, LockClass, ReadMode, boolean, IrqState, Provenance)}, with the
     * instance of the acquired lock for the same-instance rules.
     */
    public Builder acquire(List<HeldLock> held, HeldLock next, IrqState irq) {
      return acquire(held, next, irq, Set.of());
    }

    /**
     * As {@link #acquire(List, HeldLock, IrqState)}, made where the classes of the
     * class-initialization locks {@code initialized} have finished initializing ({@link
     * DependencyEdge#initialized}).
     */
    public Builder acquire(List<HeldLock> held, HeldLock next, IrqState irq, Set<LockClass> initialized) {
      markUsage(next, irq);
      // A trylock cannot wait, so lockdep neither checks nor records its dependencies.
      if (next.trylock() || !checkDeadlock(held, next)) {
        return this;
      }
      for (int i = held.size() - 1; i >= 0; i--) {
        HeldLock prev = held.get(i);
        // The only same-class dependency check_deadlock lets through is SR, and an SR
        // self-loop never completes a strong cycle, so it is not recorded.
        if (!prev.lockClass().equals(next.lockClass())) {
          addDependency(
              new DependencyEdge(
                  prev.lockClass(), prev.read(), next.lockClass(), next.read(),
                  next.acquiredAt(), prev.acquiredAt(), initialized));
        }
        // Locks below the first blocking one were connected when it was acquired.
        if (!prev.trylock()) {
          break;
        }
      }
      return this;
    }

    /**
     * lockdep's {@code mark_held_locks} on {@code local_irq_enable}/{@code local_bh_enable}: the
     * irq state becomes {@code after} while {@code held} (every lock the task holds) is held.
     */
    public Builder irqsEnabled(List<HeldLock> held, IrqState after, Provenance at) {
      if (!after.hardirqsEnabled()) {
        return this;
      }
      for (HeldLock h : held) {
        mark(h.lockClass(), UsageBit.of(IrqKind.HARDIRQ, true, h.read().isReader()), at);
        if (after.softirqsEnabled()) {
          mark(h.lockClass(), UsageBit.of(IrqKind.SOFTIRQ, true, h.read().isReader()), at);
        }
      }
      return this;
    }

    /** Adds every fact of {@code unit}, whatever its name. */
    public Builder addAll(UnitFacts unit) {
      unit.dependencies.forEach(this::addDependency);
      unit.usages.forEach(this::addUsage);
      unit.recursions.forEach(this::addRecursion);
      return this;
    }

    /** Adds one dependency fact as decoded from a file; {@link #acquire} derives them. */
    Builder addDependency(DependencyEdge e) {
      register(e.from());
      register(e.to());
      dependencies.merge(new DependencyKey(e.from(), e.to(), e.type()), e, Builder::least);
      return this;
    }

    Builder addUsage(UsageFact u) {
      register(u.lockClass());
      UsageKey key = new UsageKey(u.lockClass(), u.bit());
      UsageFact known = usages.putIfAbsent(key, u);
      // Most usages repeat one already marked at the same acquisition, which keeps its place
      // with no comparison; else the least provenance is kept, as for every fact.
      if (known != null && known.at() != u.at() && least(known, u) != known) {
        usages.put(key, u);
      }
      return this;
    }

    Builder addRecursion(RecursionFact r) {
      register(r.held());
      Provenance at = r.at();
      recursions.merge(
          new RecursionKey(r.held(), at.file(), at.line(), at.column()), r, Builder::least);
      return this;
    }

    public UnitFacts build() {
      List<DependencyEdge> deps = new ArrayList<>(dependencies.size());
      for (DependencyEdge e : dependencies.values()) {
        deps.add(
            new DependencyEdge(
                classes.get(e.from()), e.fromMode(), classes.get(e.to()), e.toMode(), e.at(),
                e.heldAt(), e.initialized()));
      }
      List<UsageFact> uses = new ArrayList<>(usages.size());
      for (UsageFact u : usages.values()) {
        uses.add(new UsageFact(classes.get(u.lockClass()), u.bit(), u.at()));
      }
      List<RecursionFact> recs = new ArrayList<>(recursions.size());
      for (RecursionFact r : recursions.values()) {
        recs.add(
            new RecursionFact(
                classes.get(r.held()), r.heldMode(), r.nextMode(), r.kind(), r.heldAt(), r.at()));
      }
      return new UnitFacts(
          name,
          sorted(deps, DependencyEdge.ORDER),
          sorted(uses, UsageFact.ORDER),
          sorted(recs, RecursionFact.ORDER));
    }

    /** {@code mark_usage}. */
    private void markUsage(HeldLock next, IrqState irq) {
      LockClass c = next.lockClass();
      boolean read = next.read().isReader();
      Provenance at = next.acquiredAt();
      if (!next.trylock()) {
        switch (irq.context()) {
          case HARDIRQ -> mark(c, UsageBit.of(IrqKind.HARDIRQ, false, read), at);
          case SOFTIRQ -> mark(c, UsageBit.of(IrqKind.SOFTIRQ, false, read), at);
          case TASK -> {}
        }
      }
      if (irq.hardirqsEnabled()) {
        mark(c, UsageBit.of(IrqKind.HARDIRQ, true, read), at);
        // ENABLED_SOFTIRQ only ever comes with ENABLED_HARDIRQ: softirq-unsafe implies
        // hardirq-unsafe.
        if (irq.softirqsEnabled()) {
          mark(c, UsageBit.of(IrqKind.SOFTIRQ, true, read), at);
        }
      }
      mark(c, read ? UsageBit.USED_READ : UsageBit.USED, at);
    }

    private void mark(LockClass c, UsageBit bit, Provenance at) {
      addUsage(new UsageFact(c, bit, at));
    }

    /**
     * {@code check_deadlock} over the whole held stack. Returns whether the acquisition goes on to
     * add dependencies: not when refused (recorded instead), nor for a reentrant re-entry of a
     * held instance, which never waits.
     */
    private boolean checkDeadlock(List<HeldLock> held, HeldLock next) {
      HeldLock reentered = HeldLock.heldInstance(held, next);
      if (reentered != null) {
        if (!next.lockClass().reentrant()) {
          refuse(reentered, next, RecursionFact.Kind.SAME_INSTANCE);
        } else if (reentered.read().isReader() && next.read() == ReadMode.EXCLUSIVE) {
          refuse(reentered, next, RecursionFact.Kind.READ_TO_WRITE);
        }
        return false;
      }
      for (HeldLock prev : held) {
        if (prev.blocks(next)) {
          refuse(prev, next, RecursionFact.Kind.SAME_CLASS);
          return false;
        }
      }
      return true;
    }

    private void refuse(HeldLock prev, HeldLock next, RecursionFact.Kind kind) {
      addRecursion(
          new RecursionFact(
              next.lockClass(), prev.read(), next.read(), kind, prev.acquiredAt(),
              next.acquiredAt()));
    }

    /** Keeps one description per class identity, independent of the order of calls. */
    private void register(LockClass c) {
      LockClass known = classes.putIfAbsent(c, c);
      // The same object again, the usual case, needs no comparison.
      if (known != null && known != c && LockClass.DESCRIPTION_ORDER.compare(known, c) > 0) {
        classes.put(c, c);
      }
    }

    private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
      list.sort(order);
      return List.copyOf(list);
    }

    /** The least of two facts of one key, with what both say of the classes initialized. */
    private static DependencyEdge least(DependencyEdge a, DependencyEdge b) {
      return DependencyEdge.ORDER.compare(a, b) <= 0 ? a.initializedAlsoIn(b) : b.initializedAlsoIn(a);
    }

    private static UsageFact least(UsageFact a, UsageFact b) {
      return UsageFact.ORDER.compare(a, b) <= 0 ? a : b;
    }

    private static RecursionFact least(RecursionFact a, RecursionFact b) {
      return RecursionFact.REPORTED.compare(a, b) <= 0 ? a : b;
    }
  }

  private record DependencyKey(LockClass from, LockClass to, EdgeType type) {}

  private record UsageKey(LockClass lockClass, UsageBit bit) {}

  private record RecursionKey(LockClass lockClass, String file, int line, int column) {}
}
