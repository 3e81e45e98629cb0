package pulsar;

import java.util.concurrent.CompletableFuture;

/** The API's consumer (org.apache.pulsar.client.api.Consumer), reduced. */
public interface Consumer<T> {
  void negativeAcknowledge(Message<?> message);

  void negativeAcknowledge(MessageId messageId);

  void redeliverUnacknowledgedMessages();

  void close() throws PulsarClientException;

  CompletableFuture<Void> closeAsync();
}
