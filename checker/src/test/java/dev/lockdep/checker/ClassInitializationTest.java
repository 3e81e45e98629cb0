package dev.lockdep.checker;

import static dev.lockdep.checker.PluginCompiler.compile;
import static dev.lockdep.checker.PluginCompiler.findings;
import static dev.lockdep.checker.PluginCompiler.sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class initialization as a lock (docs/lock-model.md#class-initialization): a class's static
 * initializers run holding its initialization lock, the superclass is initialized first, and the
 * first use of a class waits for another thread's initialization of it.
 */
class ClassInitializationTest {
  /** An offset class whose static initializer makes its empty subclass; a factory makes either. */
  private static final String OFFSETS =
      """
      package p;
      abstract class Offset {
        static final Offset EMPTY = new EmptyOffset();
        abstract int size();
      }
      final class EmptyOffset extends Offset {
        int size() { return 0; }
      }
      final class Offsets {
        static Offset of(int[] values) { return values.length == 0 ? new EmptyOffset() : null; }
      }
      """;

  /**
   * One thread initializes {@code Offset}, whose static initializer makes an {@code EmptyOffset};
   * another makes an {@code EmptyOffset} first, which initializes its superclass {@code Offset}
   * holding its own initialization: each waits for the other.
   */
  @Test
  void aSuperclassStaticInitializerMakingASubclassDeadlocks() {
    List<String> found = findings(sources("p/Offsets.java", OFFSETS));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("[LockOrderInversion]"), found::toString);
    assertTrue(found.get(0).contains("Offset.<clinit> -> EmptyOffset.<clinit> -> Offset.<clinit>"), found::toString);
    String report = compile(sources("p/Offsets.java", OFFSETS)).get(0).message();
    assertTrue(report.contains("move the use out of the static initializer"), report);
  }

  /** The empty offset made on first use, in a holder class of its own: no class's initialization waits for another's. */
  @Test
  void anEmptySubclassObjectMadeInAHolderClassIsNoCycle() {
    String lazy =
        OFFSETS.replace(
            "static final Offset EMPTY = new EmptyOffset();",
            "private static final class Holder { static final Offset EMPTY = new EmptyOffset(); }\n"
                + "  static Offset empty() { return Holder.EMPTY; }");
    assertTrue(lazy.contains("Holder.EMPTY"), lazy);
    assertEquals(List.of(), findings(sources("p/Offsets.java", lazy)));
  }

  /**
   * A subclass that only its superclass's code uses (a private nested class, made in the
   * superclass's static initializer and methods) is initialized only after its superclass: no
   * thread can hold its initialization while waiting for the superclass's.
   */
  @Test
  void aSubclassOnlyItsSuperclassUsesIsNoCycle() {
    String chain =
        """
        package p;
        abstract class Chain {
          private static final Chain ACTIVE = new Active();
          static Chain start() { return ACTIVE; }
          Chain next(boolean done) { return done ? new Inactive() : this; }
          private static final class Active extends Chain {}
          private static final class Inactive extends Chain {}
        }
        """;
    assertEquals(List.of(), findings(sources("p/Chain.java", chain)));
    // Made from another class as well, the subclass may be initialized first: a cycle.
    String used = chain + "class Client { Object make() { return new Chain.Inactive(); } }\n";
    String opened = used.replace("private static final class Inactive", "static final class Inactive")
        .replace("private static final Chain ACTIVE = new Active();", "private static final Chain ACTIVE = new Inactive();");
    assertTrue(opened.contains("ACTIVE = new Inactive()"), opened);
    List<String> found = findings(sources("p/Chain.java", opened));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Chain.<clinit>"), found::toString);
  }

  /**
   * A helper of the package that only one class's static initializer uses (and its own code,
   * an anonymous class of its own among it) is initialized during that class's initialization: its
   * static initializer's use of the class waits for nothing. Used from another class too, it may
   * be initialized first: a cycle.
   */
  @Test
  void aPackageHelperOnlyOneStaticInitializerUsesIsNoCycle() {
    String platform =
        """
        package p;
        public final class Platform {
          private static final Object CLEANER = Cleaner.supported() ? new Cleaner() : null;
          public static boolean hasUnsafe() { return true; }
        }
        """;
    String cleaner =
        """
        package p;
        final class Cleaner {
          private static final Object FIELD;
          static {
            Runnable probe = new Runnable() { public void run() { Platform.hasUnsafe(); } };
            probe.run();
            FIELD = Platform.hasUnsafe() ? "unsafe" : "reflection";
          }
          static boolean supported() { return FIELD != null; }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Platform.java", platform, "p/Cleaner.java", cleaner)));
    String user = "package p;\nclass Buffers { boolean clean() { return Cleaner.supported(); } }\n";
    List<String> found = findings(sources("p/Platform.java", platform, "p/Cleaner.java", cleaner, "p/Buffers.java", user));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Platform.<clinit>") && found.get(0).contains("Cleaner.<clinit>"), found::toString);
  }

  /**
   * A class's static method, which runs only once the class is initialized, reaching a use of the
   * class through another class's helper: the use waits for nothing, and the lock the method holds
   * is ordered before nothing of the class's initialization.
   */
  @Test
  void aUseReachedFromTheClassesOwnCodeWaitsForNothing() {
    String config =
        """
        package p;
        final class Config {
          private static final String MAIN = load();
          private static synchronized String load() { return "main"; }
          static synchronized void refresh() { Utils.property("x"); }
          static String property(String name) { return MAIN + name; }
        }
        final class Utils {
          static String property(String name) { return Config.property(name); }
        }
        final class App {
          String home() { return Utils.property("home"); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Config.java", config)));
  }

  /**
   * Two classes whose static initializers use each other, each also used from a third class: two
   * threads initializing one each deadlock. (Used only by each other, neither is ever initialized
   * first by another thread.)
   */
  @Test
  void twoClassesWhoseStaticInitializersUseEachOtherDeadlock() {
    String units =
        """
        package p;
        final class Units {
          static final Units DEFAULT = new Units(Scale.BASE);
          final String base;
          Units(String base) { this.base = base; }
        }
        final class Scale {
          static final String BASE = "m" + Units.DEFAULT;
        }
        final class Report {
          Object units() { return Units.DEFAULT; }
          Object scale() { return Scale.BASE; }
        }
        """;
    List<String> found = findings(sources("p/Units.java", units));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Units.<clinit>") && found.get(0).contains("Scale.<clinit>"), found::toString);
    // A compile-time constant is inlined where it is read: reading it initializes nothing.
    String constant = units.replace("static final String BASE = \"m\" + Units.DEFAULT;", "static final String BASE = \"m\";");
    assertTrue(constant.contains("BASE = \"m\";"), constant);
    assertEquals(List.of(), findings(sources("p/Units.java", constant)));
  }

  /**
   * A static initializer that registers itself with a registry whose lock is held, elsewhere,
   * while the class is first used: the initializing thread waits for the lock, the lock's holder
   * for the initialization (another class uses the codec and the registry too, so another thread
   * may initialize either first).
   */
  @Test
  void aStaticInitializerTakingALockHeldWhereTheClassIsFirstUsedDeadlocks() {
    String registry =
        """
        package p;
        final class Registry {
          static synchronized void register(String name) { }
          static synchronized int load() { return Codec.NAME.length(); }
        }
        final class Codec {
          static final String NAME = named("codec");
          private static String named(String name) { Registry.register(name); return name; }
        }
        final class Client {
          int codec() { return Codec.NAME.length(); }
          int load() { return Registry.load(); }
        }
        """;
    List<String> found = findings(sources("p/Registry.java", registry));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("Registry.class") && found.get(0).contains("Codec.<clinit>"), found::toString);
    // The class used before the lock is taken: its initialization is over by then.
    String before =
        registry.replace(
            "static synchronized int load() { return Codec.NAME.length(); }",
            "static int load() { String name = Codec.NAME; synchronized (Registry.class) { return name.length(); } }");
    assertTrue(before.contains("String name = Codec.NAME;"), before);
    assertEquals(List.of(), findings(sources("p/Registry.java", before)));
  }
}
