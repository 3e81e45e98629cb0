package dev.lockdep.checker.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a models file: one member and its annotations per line, {@code #} to the end of a
 * line a comment.
 *
 * <pre>
 * com.acme.Pool#allocate(int) @Reclaim
 * com.acme.Consumer#spill(long) @Shrinker
 * com.acme.Pool#lock @LockClass("Pool.lock")
 * com.acme.Io#submit(java.lang.Runnable) @Async
 * com.acme.Timer @IrqContext(Irq.SOFTIRQ) @GfpFlags(Gfp.ATOMIC)
 * </pre>
 */
final class ModelsParser {
  private final String source;
  private final int line;
  private final String text;
  private int pos;

  private ModelsParser(String source, int line, String text) {
    this.source = source;
    this.line = line;
    this.text = text;
  }

  /** Every annotation of every line of {@code content}, in order. */
  static List<ModelLine> parse(String source, String content) throws ModelsException {
    List<ModelLine> models = new ArrayList<>();
    String[] lines = content.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String text = stripComment(lines[i]).strip();
      if (!text.isEmpty()) {
        new ModelsParser(source, i + 1, text).line(models);
      }
    }
    return models;
  }

  /** The line without its comment; a {@code #} inside a string literal is no comment. */
  private static String stripComment(String line) {
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (c == '#' && !inString && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private void line(List<ModelLine> into) throws ModelsException {
    int space = indexOfAnnotation();
    if (space < 0) {
      throw error("expected a member and at least one annotation, e.g. com.acme.Pool#allocate(int) @Reclaim");
    }
    String memberText = text.substring(0, space).strip();
    String type = memberText;
    String member = null;
    List<String> parameters = null;
    int hash = memberText.indexOf('#');
    if (hash >= 0) {
      type = memberText.substring(0, hash);
      member = memberText.substring(hash + 1);
      int paren = member.indexOf('(');
      if (paren >= 0) {
        if (!member.endsWith(")")) {
          throw error("unbalanced parentheses in " + memberText);
        }
        String list = member.substring(paren + 1, member.length() - 1).strip();
        member = member.substring(0, paren).strip();
        parameters = new ArrayList<>();
        if (!list.isEmpty()) {
          for (String parameter : list.split(",")) {
            parameters.add(parameter.strip());
          }
        }
      }
    }
    if (!isQualifiedName(type) || (member != null && !isIdentifier(member))) {
      throw error("not a member: " + memberText);
    }
    pos = space;
    while (skipSpaces() < text.length()) {
      if (text.charAt(pos) != '@') {
        throw error("expected an annotation at column " + (pos + 1));
      }
      pos++;
      String annotation = identifier();
      Map<String, Object> attributes = new LinkedHashMap<>();
      if (pos < text.length() && text.charAt(pos) == '(') {
        pos++;
        attributes(attributes);
      }
      into.add(new ModelLine(source, line, type, member, parameters, annotation, attributes));
    }
  }

  /** Where the first annotation starts: the first {@code @} after white space. */
  private int indexOfAnnotation() {
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) == '@' && Character.isWhitespace(text.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }

  private void attributes(Map<String, Object> into) throws ModelsException {
    skipSpaces();
    if (peek(')')) {
      pos++;
      return;
    }
    while (true) {
      skipSpaces();
      int start = pos;
      String name = "value";
      if (pos < text.length() && Character.isJavaIdentifierStart(text.charAt(pos))) {
        String word = identifier();
        skipSpaces();
        if (peek('=')) {
          pos++;
          name = word;
        } else {
          pos = start;
        }
      }
      skipSpaces();
      if (into.put(name, value()) != null) {
        throw error("attribute " + name + " given twice");
      }
      skipSpaces();
      if (peek(',')) {
        pos++;
      } else if (peek(')')) {
        pos++;
        return;
      } else {
        throw error("expected , or ) at column " + (pos + 1));
      }
    }
  }

  private Object value() throws ModelsException {
    if (pos >= text.length()) {
      throw error("expected a value at column " + (pos + 1));
    }
    char c = text.charAt(pos);
    if (c == '"') {
      return string();
    }
    if (c == '{') {
      pos++;
      List<Object> values = new ArrayList<>();
      skipSpaces();
      if (peek('}')) {
        pos++;
        return values;
      }
      while (true) {
        skipSpaces();
        values.add(value());
        skipSpaces();
        if (peek(',')) {
          pos++;
        } else if (peek('}')) {
          pos++;
          return values;
        } else {
          throw error("expected , or } at column " + (pos + 1));
        }
      }
    }
    if (c == '-' || Character.isDigit(c)) {
      int start = pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      try {
        return Integer.parseInt(text.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error("not a number: " + text.substring(start, pos));
      }
    }
    if (Character.isJavaIdentifierStart(c)) {
      String name = identifier();
      while (peek('.')) {
        pos++;
        name = identifier();
      }
      if (name.equals("true") || name.equals("false")) {
        return Boolean.valueOf(name);
      }
      return new ModelLine.EnumName(name);
    }
    throw error("expected a value at column " + (pos + 1));
  }

  private String string() throws ModelsException {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
    throw error("unterminated string");
  }

  private String identifier() throws ModelsException {
    int start = pos;
    if (pos < text.length() && Character.isJavaIdentifierStart(text.charAt(pos))) {
      pos++;
      while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        pos++;
      }
    }
    if (start == pos) {
      throw error("expected a name at column " + (pos + 1));
    }
    return text.substring(start, pos);
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private int skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static boolean isQualifiedName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isJavaIdentifierPart(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private ModelsException error(String problem) {
    return new ModelsException(source + ":" + line + ": " + problem);
  }
}
