package dev.lockdep.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Jars of class output directories, as a build packages them. */
public final class TestJars {
  private TestJars() {}

  /** A jar of the files of {@code directories} with a plain manifest. */
  public static Path jar(Path jar, Path... directories) throws IOException {
    return jar(jar, manifest(), directories);
  }

  /** A manifest with nothing but its version, to add attributes to. */
  public static Manifest manifest() {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    return manifest;
  }

  /**
   * A jar of the files of {@code directories}, the first of two files with one name winning, as
   * a shading or assembling build merges them.
   */
  public static Path jar(Path jar, Manifest manifest, Path... directories) throws IOException {
    Set<String> names = new HashSet<>();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Path directory : directories) {
        try (Stream<Path> walk = Files.walk(directory)) {
          for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
            String name = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            if (names.add(name)) {
              out.putNextEntry(new JarEntry(name));
              out.write(Files.readAllBytes(file));
              out.closeEntry();
            }
          }
        }
      }
    }
    return jar;
  }
}
