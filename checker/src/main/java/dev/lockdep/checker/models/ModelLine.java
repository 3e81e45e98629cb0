package dev.lockdep.checker.models;

import java.util.List;
import java.util.Map;

/**
 * One annotation given to one member by a models file (SPEC §4).
 *
 * @param source the file (or processor path resource) the line is in
 * @param line its number, from 1
 * @param type the canonical name of the type, e.g. {@code com.acme.Pool}
 * @param member the field or method name, or null when the annotation is the type's
 * @param parameters the erased parameter types of a method, e.g. {@code [int]}; null for a field
 *     or a type
 * @param annotation the simple name of the annotation, e.g. {@code Reclaim}
 * @param attributes the attributes given, by name ({@code value} when written without a name):
 *     a {@code String}, {@code Integer}, {@code Boolean}, an enum constant's name as an {@link
 *     EnumName}, or a {@code List} of those
 */
public record ModelLine(
    String source,
    int line,
    String type,
    String member,
    List<String> parameters,
    String annotation,
    Map<String, Object> attributes) {

  /** An enum constant as written, without its type: {@code SOFTIRQ} for {@code Irq.SOFTIRQ}. */
  public record EnumName(String name) {}

  /** {@code file:line}, how errors name the line. */
  String where() {
    return source + ":" + line;
  }

  /** The member as written: {@code com.acme.Pool#allocate(int)}. */
  String memberText() {
    if (member == null) {
      return type;
    }
    return type + "#" + member + (parameters == null ? "" : "(" + String.join(",", parameters) + ")");
  }
}
