package nessie.model;

/** Constants kept out of the classes they are made of, so that no class initializer makes a subclass object. */
public final class NessieConstants {
  public static final Namespace EMPTY_NAMESPACE = Namespace.builder().build();

  private NessieConstants() {}
}
