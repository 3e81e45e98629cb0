package rhino;

/** One property of a scriptable object. */
class Slot {
  final Object name;
  Object value;
  int attributes;

  Slot(Object name) {
    this.name = name;
  }
}
