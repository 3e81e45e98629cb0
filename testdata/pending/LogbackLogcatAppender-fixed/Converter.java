package logback;

/** One element of a layout pattern; the converters of a pattern form a chain. */
abstract class Converter {
  private Converter next;

  Converter getNext() {
    return next;
  }

  void setNext(Converter next) {
    this.next = next;
  }

  void write(StringBuilder buf, LoggingEvent event) {
    buf.append(convert(event));
  }

  abstract String convert(LoggingEvent event);
}
