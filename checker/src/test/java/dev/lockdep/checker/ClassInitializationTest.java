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
    assertOneFindingNaming(found, "[LockOrderInversion]");
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
    assertOneFindingNaming(found, "Chain.<clinit>");
  }

  /**
   * A library's public subclass that its superclass's static initializer makes, and that nothing
   * else in the compilation uses: the library's users may use it first, and initializing it
   * initializes the superclass holding its own initialization (JLS 12.4.2). The report names the
   * first use from another package. Where other packages cannot start its initialization (no
   * public constructor or static member, or a class of the package alone), the package's own uses
   * decide: none uses it first.
   */
  @Test
  void aPublicSubclassOtherPackagesMayUseFirstDeadlocks() {
    String shape =
        """
        package p;
        public abstract class Shape {
          public static final Shape EMPTY = new Square(0);
          public static Shape of(int side) { return side == 0 ? EMPTY : new Square(side); }
        }
        """;
    String square =
        """
        package p;
        public final class Square extends Shape {
          public Square(int side) { }
        }
        """;
    List<String> found = findings(sources("p/Shape.java", shape, "p/Square.java", square));
    assertOneFindingNaming(found, "Shape.<clinit>", "Square.<clinit>");
    String report = compile(sources("p/Shape.java", shape, "p/Square.java", square)).get(0).message();
    assertTrue(report.contains("Square.<first use from another package>"), report);
    String hidden = square.replace("public Square(int side)", "Square(int side)");
    assertEquals(List.of(), findings(sources("p/Shape.java", shape, "p/Square.java", hidden)));
    String packaged = square.replace("public final class Square", "final class Square");
    assertEquals(List.of(), findings(sources("p/Shape.java", shape, "p/Square.java", packaged)));
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
    assertOneFindingNaming(found, "Platform.<clinit>", "Cleaner.<clinit>");
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
    assertOneFindingNaming(found, "Units.<clinit>", "Scale.<clinit>");
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
    assertOneFindingNaming(found, "Registry.class", "Codec.<clinit>");
    // The class used before the lock is taken: its initialization is over by then.
    String before =
        registry.replace(
            "static synchronized int load() { return Codec.NAME.length(); }",
            "static int load() { String name = Codec.NAME; synchronized (Registry.class) { return name.length(); } }");
    assertTrue(before.contains("String name = Codec.NAME;"), before);
    assertEquals(List.of(), findings(sources("p/Registry.java", before)));
  }
  /**
   * A configuration class whose static initializer takes its own monitor (a synchronized load),
   * and whose synchronized refresh initializes a registry whose static initializer reads the
   * configuration. The cycle
   * {@code Config.<clinit> -> Config.class -> Registry.<clinit> -> Config.<clinit>} needs one
   * thread in Config's synchronized code, which runs only once Config is initialized, and another
   * waiting for Config's initialization: it cannot happen. Taken by another class's code, which
   * may run before Config is initialized, the same monitor closes it.
   */
  @Test
  void aCycleNeedingAClassInitializedAndNotYetInitializedIsNoDeadlock() {
    String config =
        """
        package p;
        final class Config {
          private static String main;
          static { load(); }
          private static synchronized void load() { main = "main"; }
          static synchronized void refresh() { Registry.markRefreshed(); }
          static String property(String name) { return main + name; }
        }
        final class Registry {
          static final String NAME = Config.property("registry");
          static void markRefreshed() { }
        }
        final class App {
          void refresh() { Config.refresh(); }
          void mark() { Registry.markRefreshed(); }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Config.java", config)));
    String outside =
        config.replace(
            "void refresh() { Config.refresh(); }",
            "void refresh() { synchronized (Config.class) { Registry.markRefreshed(); } }");
    assertTrue(outside.contains("synchronized (Config.class)"), outside);
    List<String> found = findings(sources("p/Config.java", outside));
    assertOneFindingNaming(found, "Config.<clinit>", "Registry.<clinit>");
    // The registry's static initializer taking Config's monitor itself: a deadlock either way.
    String locking = config.replace("static String property(String name)", "static synchronized String property(String name)");
    assertTrue(locking.contains("static synchronized String property"), locking);
    found = findings(sources("p/Config.java", locking));
    assertOneFindingNaming(found, "Config.class", "Registry.<clinit>");
  }

  /**
   * A static field read by its simple name as a test (through {@code import static}, or kept in a
   * boolean local) initializes its class, as {@code Util.NATIVE_LITTLE_ENDIAN ? ...} does:
   * Zero-Allocation-Hashing#53's ring of two static initializers. A constant flag initializes
   * nothing.
   */
  @Test
  void aStaticFlagReadByItsSimpleNameInATestInitializesItsClass() {
    String util =
        """
        package p;
        public class Util {
          public static final boolean LITTLE_ENDIAN = System.nanoTime() > 0;
          public static final Object HASH;
          static { HASH = Access.INSTANCE; }
        }
        """;
    String access =
        """
        package p;
        import static p.Util.LITTLE_ENDIAN;
        public class Access {
          public static final Object INSTANCE;
          static { INSTANCE = LITTLE_ENDIAN ? new Object() : "big"; }
        }
        """;
    assertOneFindingNaming(
        findings(sources("p/Util.java", util, "p/Access.java", access)), "Util.<clinit>", "Access.<clinit>");
    String local = access.replace("INSTANCE = LITTLE_ENDIAN ?", "boolean little = LITTLE_ENDIAN; INSTANCE = little ?");
    assertTrue(!local.equals(access), local);
    assertOneFindingNaming(
        findings(sources("p/Util.java", util, "p/Access.java", local)), "Util.<clinit>", "Access.<clinit>");
    String constant = util.replace("LITTLE_ENDIAN = System.nanoTime() > 0", "LITTLE_ENDIAN = true");
    assertEquals(List.of(), findings(sources("p/Util.java", constant, "p/Access.java", access)));
  }

  /**
   * A logger factory whose static initializer initializes a class by reflection ({@code
   * Class.forName(Random.class.getName(), true, loader)}), whose static initializer reads a
   * property whose class's static initializer gets a logger: three classes whose initializations
   * wait for each other in a ring (netty#5720). A name computed at run time is not followed.
   */
  @Test
  void aClassInitializedByReflectionInAStaticInitializerDeadlocks() {
    String ring =
        """
        package p;
        final class Props {
          private static final Log LOG = Log.get("props");
          public static long get(String key) { return key.length(); }
        }
        abstract class Log {
          static {
            try {
              Class.forName(Random.class.getName(), true, Log.class.getClassLoader());
            } catch (Exception ignored) {
            }
          }
          public static Log get(String name) { return null; }
        }
        final class Random {
          private static final long SEED = Props.get("seed");
          public static long next() { return SEED; }
        }
        """;
    String app = "class App { long a() { return Props.get(\"a\"); } Object b() { return Log.get(\"b\"); } long c() { return Random.next(); } }\n";
    List<String> found = findings(sources("p/Props.java", ring + app));
    assertOneFindingNaming(found, "Log.<clinit>", "Random.<clinit>", "Props.<clinit>");
    String byConstant = ring.replace("Random.class.getName()", "\"p.Random\"");
    assertTrue(byConstant.contains("Class.forName(\"p.Random\""), byConstant);
    assertEquals(1, findings(sources("p/Props.java", byConstant + app)).size());
    // Not initializing (false), or a name made at run time: nothing followed.
    String lazy = ring.replace("Class.forName(Random.class.getName(), true,", "Class.forName(Random.class.getName(), false,");
    assertTrue(lazy.contains(", false,"), lazy);
    assertEquals(List.of(), findings(sources("p/Props.java", lazy + app)));
    String computed = ring.replace("Random.class.getName()", "System.getProperty(\"random\")");
    assertTrue(computed.contains("getProperty"), computed);
    assertEquals(List.of(), findings(sources("p/Props.java", computed + app)));
  }

  /**
   * An interface that declares a default method and makes an object of its implementation in a
   * static field: a class initializes such superinterfaces before itself, so one thread
   * initializing the interface waits for the implementation's initialization, and another making
   * the implementation first waits for the interface's (eclipse-rdf4j/rdf4j#6020). Without a
   * default method the interface is not initialized with the class: no cycle.
   */
  @Test
  void anInterfaceWithADefaultMethodMakingItsImplementationDeadlocks() {
    String iteration =
        """
        package p;
        interface Iteration<E> {
          Iteration<Object> EMPTY = new EmptyIteration<>();
          boolean hasNext();
          default int count() { int n = 0; while (hasNext()) { n++; } return n; }
        }
        final class EmptyIteration<E> implements Iteration<E> {
          public boolean hasNext() { return false; }
        }
        final class Plans {
          Object empty() { return new EmptyIteration<String>(); }
          Object shared() { return Iteration.EMPTY; }
        }
        """;
    List<String> found = findings(sources("p/Iteration.java", iteration));
    assertOneFindingNaming(found, "Iteration.<clinit>", "EmptyIteration.<clinit>");
    String abstractOnly =
        iteration.replace("default int count() { int n = 0; while (hasNext()) { n++; } return n; }", "int count();")
            .replace("public boolean hasNext() { return false; }", "public boolean hasNext() { return false; }\n  public int count() { return 0; }");
    assertTrue(abstractOnly.contains("int count();"), abstractOnly);
    assertEquals(List.of(), findings(sources("p/Iteration.java", abstractOnly)));
  }

  /**
   * An interface with a default method whose field is made by its own builder, a nested class
   * whose constructor is private: the builder's code runs only once the interface's static {@code
   * builder()} made it, so where it makes the implementation the interface is initialized (jetty's
   * {@code QuotedStringTokenizer.CSV}). With a public constructor anyone may build one first: a
   * cycle of the two initializations alone, one link of it the interface's call of the builder.
   */
  @Test
  void anImplementationMadeOnlyByTheInterfacesOwnBuilderIsNoCycle() {
    String tokenizer =
        """
        package p;
        public interface Tokenizer {
          Tokenizer CSV = Tokenizer.builder().delimiters(",").build();
          static Builder builder() { return new Builder(); }
          String next(String s);
          default String quote(String s) { return '"' + s + '"'; }
          class Builder {
            private String delimiters = " ";
            private Builder() { }
            public Builder delimiters(String d) { delimiters = d; return this; }
            public Tokenizer build() { return new SimpleTokenizer(delimiters); }
          }
        }
        final class SimpleTokenizer implements Tokenizer {
          private final String delimiters;
          SimpleTokenizer(String delimiters) { this.delimiters = delimiters; }
          public String next(String s) { return s.split(delimiters)[0]; }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Tokenizer.java", tokenizer)));
    String open = tokenizer.replace("private Builder() { }", "public Builder() { }")
        + "final class Client { Object make() { return new Tokenizer.Builder().build(); } }\n";
    assertTrue(open.contains("public Builder()"), open);
    assertOneFindingNaming(findings(sources("p/Tokenizer.java", open)), "Tokenizer.<clinit>", "SimpleTokenizer.<clinit>");
  }

  /**
   * An interface with a default method whose field a nested factory class makes, through a private
   * static method: only the interface's code can call it, so the implementation it makes is made
   * with the interface initialized (HikariCP's {@code ClockSource.CLOCK}). Made first by another
   * class, the implementation initializes the interface, which waits: a cycle.
   */
  @Test
  void anImplementationMadeOnlyByAPrivateFactoryMethodIsNoCycle() {
    String clock =
        """
        package p;
        public interface Clock {
          Clock CLOCK = Factory.create();
          long now();
          default long elapsed(long start) { return now() - start; }
          class Factory {
            private static Clock create() { return new NanoClock(); }
          }
          final class NanoClock implements Clock {
            public long now() { return System.nanoTime(); }
          }
        }
        """;
    assertEquals(List.of(), findings(sources("p/Clock.java", clock)));
    String made = clock + "final class Timer { Object clock() { return new Clock.NanoClock(); } }\n";
    assertOneFindingNaming(findings(sources("p/Clock.java", made)), "Clock.<clinit>", "NanoClock.<clinit>");
  }

  /** One finding, naming each of {@code names}. */
  private static void assertOneFindingNaming(List<String> found, String... names) {
    assertEquals(1, found.size(), found::toString);
    for (String name : names) {
      assertTrue(found.get(0).contains(name), found::toString);
    }
  }
}
