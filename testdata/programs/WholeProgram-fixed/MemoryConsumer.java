package memory;

/** Something that holds memory and can give it back. */
abstract class MemoryConsumer {
  abstract long spill(long bytes);
}
