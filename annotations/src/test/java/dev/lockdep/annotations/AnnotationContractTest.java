package dev.lockdep.annotations;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.LOCAL_VARIABLE;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The annotation API is a published contract (SPEC §4): targets, attributes, defaults, class files. */
class AnnotationContractTest {

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of(LockClass.class, EnumSet.of(FIELD, METHOD, PARAMETER, LOCAL_VARIABLE, TYPE)),
        Arguments.of(Nested.class, EnumSet.of(FIELD, PARAMETER, LOCAL_VARIABLE, METHOD)),
        Arguments.of(Acquires.class, EnumSet.of(METHOD)),
        Arguments.of(Releases.class, EnumSet.of(METHOD)),
        Arguments.of(IrqContext.class, EnumSet.of(METHOD, TYPE)),
        Arguments.of(IrqsDisabled.class, EnumSet.of(METHOD, TYPE)),
        Arguments.of(Reclaim.class, EnumSet.of(METHOD)),
        Arguments.of(Shrinker.class, EnumSet.of(METHOD, TYPE)),
        Arguments.of(GfpFlags.class, EnumSet.of(METHOD, TYPE)),
        Arguments.of(FenceSignalling.class, EnumSet.of(METHOD, TYPE)),
        Arguments.of(FenceWait.class, EnumSet.of(METHOD)));
  }

  @ParameterizedTest
  @MethodSource("targets")
  void targetsRetentionAndDocumentation(Class<? extends Annotation> type, Set<ElementType> expected) {
    assertEquals(expected, EnumSet.copyOf(Set.of(type.getAnnotation(Target.class).value())));
    assertEquals(RetentionPolicy.CLASS, type.getAnnotation(Retention.class).value());
    assertNotNull(type.getAnnotation(Documented.class), type + " is @Documented");
  }

  @Test
  void attributesAndDefaults() throws ReflectiveOperationException {
    assertEquals("", LockClass.class.getMethod("value").getDefaultValue());
    assertEquals(true, LockClass.class.getMethod("reentrant").getDefaultValue());
    assertNull(Nested.class.getMethod("value").getDefaultValue());
    assertEquals(int.class, Nested.class.getMethod("value").getReturnType());
    assertArrayEquals(new String[0], (String[]) Acquires.class.getMethod("value").getDefaultValue());
    assertEquals(false, Acquires.class.getMethod("shared").getDefaultValue());
    assertArrayEquals(new String[0], (String[]) Releases.class.getMethod("value").getDefaultValue());
    assertEquals(Irq.HARDIRQ, IrqContext.class.getMethod("value").getDefaultValue());
    assertEquals(Irq.HARDIRQ, IrqsDisabled.class.getMethod("value").getDefaultValue());
    assertNull(GfpFlags.class.getMethod("value").getDefaultValue());
    assertEquals(Gfp.class, GfpFlags.class.getMethod("value").getReturnType());
    for (Class<?> marker : new Class<?>[] {Reclaim.class, Shrinker.class, FenceSignalling.class, FenceWait.class}) {
      assertEquals(0, marker.getDeclaredMethods().length, marker + " has no attributes");
    }
    assertArrayEquals(new Irq[] {Irq.HARDIRQ, Irq.SOFTIRQ}, Irq.values());
    assertArrayEquals(
        new Gfp[] {Gfp.KERNEL, Gfp.NOFS, Gfp.NOIO, Gfp.NOWAIT, Gfp.ATOMIC}, Gfp.values());
  }

  static Stream<Class<?>> everyType() {
    return Stream.concat(targets().map(a -> (Class<?>) a.get()[0]), Stream.of(Irq.class, Gfp.class));
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void classFilesAreJava8(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      DataInputStream data = new DataInputStream(in);
      assertEquals(0xCAFEBABE, data.readInt());
      data.readUnsignedShort();
      assertEquals(52, data.readUnsignedShort(), type + " class file major version");
    }
  }
}
