package dev.lockdep.checker.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer, two-space indented. The checker runs on users' processor paths,
 * where a JSON library could clash with their own; SARIF needs only objects, arrays, strings and
 * integers, written in the order the caller gives, so equal inputs give equal bytes.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  /** Per open container: whether it has a member yet. */
  private final Deque<boolean[]> open = new ArrayDeque<>();
  private boolean afterName;

  JsonWriter beginObject() {
    return begin('{');
  }

  JsonWriter endObject() {
    return end('}');
  }

  JsonWriter beginArray() {
    return begin('[');
  }

  JsonWriter endArray() {
    return end(']');
  }

  /** The name of the next member of the current object. */
  JsonWriter name(String name) {
    separate();
    quote(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String text) {
    separate();
    quote(text);
    return this;
  }

  JsonWriter value(long number) {
    separate();
    out.append(number);
    return this;
  }

  /** {@code "name": "text"} */
  JsonWriter member(String name, String text) {
    return name(name).value(text);
  }

  /** {@code "name": number} */
  JsonWriter member(String name, long number) {
    return name(name).value(number);
  }

  /** The document, ending in a newline. */
  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed JSON container");
    }
    return out + "\n";
  }

  private JsonWriter begin(char bracket) {
    separate();
    out.append(bracket);
    open.push(new boolean[1]);
    return this;
  }

  private JsonWriter end(char bracket) {
    boolean[] hasMembers = open.pop();
    if (hasMembers[0]) {
      newline();
    }
    out.append(bracket);
    return this;
  }

  /** Before a value or a name: the comma and line break, unless the value follows its name. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (open.isEmpty()) {
      return;
    }
    boolean[] hasMembers = open.peek();
    if (hasMembers[0]) {
      out.append(',');
    }
    hasMembers[0] = true;
    newline();
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(open.size()));
  }

  private void quote(String text) {
    out.append('"');
    escape(text, out);
    out.append('"');
  }

  /** RFC 8259 string escaping: quote, backslash and every control character. */
  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // U+2028/2029 are legal JSON but break JavaScript consumers that embed the file.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
