package dev.lockdep.lockgraph.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which names are the JDK's: {@code java.*}, {@code jdk.*}, and the JDK modules' {@code javax.*}. */
class JdkPackagesTest {
  @Test
  void javaAndJdkPackagesAreTheJdks() {
    assertTrue(JdkPackages.declares("java.util.List#size()"));
    assertTrue(JdkPackages.declares("java.util.Map.Entry"));
    assertTrue(JdkPackages.declares("jdk.jfr.Event#commit()"));
    assertTrue(JdkPackages.isJdkPackage("java.util.concurrent.locks"));
  }

  @Test
  void aJavaxPackageIsTheJdksOnlyWhereAJdkModuleHasIt() {
    assertTrue(JdkPackages.declares("javax.swing.JTable#doLayout()"));
    assertTrue(JdkPackages.declares("javax.net.ssl.SSLEngine"));
    assertTrue(JdkPackages.declares("javax.xml.XMLConstants"));
    assertTrue(JdkPackages.isJdkPackage("javax.sql"));
    // APIs libraries ship as jars; javax.xml.bind left the JDK in Java 11.
    assertFalse(JdkPackages.declares("javax.cache.CacheManager#close()"));
    assertFalse(JdkPackages.declares("javax.servlet.Filter#destroy()"));
    assertFalse(JdkPackages.declares("javax.xml.bind.JAXBContext"));
    assertFalse(JdkPackages.isJdkPackage("javax.inject"));
    assertFalse(JdkPackages.isJdkPackage("javax"));
  }

  @Test
  void otherNamesAreNot() {
    assertFalse(JdkPackages.declares("com.acme.Pool#close()"));
    assertFalse(JdkPackages.declares("javaslang.Lazy#get()"));
    assertFalse(JdkPackages.declares("lambda@com.acme.Pool#0"));
    assertFalse(JdkPackages.isJdkPackage(""));
  }

  @Test
  void thePackageOfANameEndsBeforeItsFirstCapitalisedSegment() {
    assertEquals("javax.swing", JdkPackages.packageOf("javax.swing.JTable.AccessibleJTable#m(int)"));
    assertEquals("com.acme", JdkPackages.packageOf("com.acme.Outer#run(java.lang.Runnable)"));
    assertEquals("", JdkPackages.packageOf("Default#m()"));
  }
}
