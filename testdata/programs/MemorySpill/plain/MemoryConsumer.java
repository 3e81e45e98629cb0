package plain;

/** Something that holds memory and gives some back under memory pressure. */
public interface MemoryConsumer {
  long spill(long bytes);
}
