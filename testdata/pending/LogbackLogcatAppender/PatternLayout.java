package logback;

/** Lays an event out by running the chain of converters parsed from its pattern. */
class PatternLayout {
  private final Converter head;

  PatternLayout(Converter head) {
    this.head = head;
  }

  String doLayout(LoggingEvent event) {
    StringBuilder buf = new StringBuilder();
    for (Converter c = head; c != null; c = c.getNext()) {
      c.write(buf, event);
    }
    return buf.toString();
  }
}
