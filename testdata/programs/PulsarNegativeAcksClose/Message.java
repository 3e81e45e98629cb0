package pulsar;

/** The API's message (org.apache.pulsar.client.api.Message). */
public interface Message<T> {
  MessageId getMessageId();

  int getRedeliveryCount();

  T getValue();
}
