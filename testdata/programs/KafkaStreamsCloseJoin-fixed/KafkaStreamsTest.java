package kafka;

/** The test in the report's thread dump: the main thread starts an instance and closes it. */
final class KafkaStreamsTest {
  private KafkaStreamsTest() {}

  static void testCannotStartOnceClosed() {
    KafkaStreams streams = new KafkaStreams(2);
    streams.start();
    streams.close();
    try {
      streams.start();
    } catch (IllegalStateException expected) {
      // "Cannot start again."
    }
  }
}
