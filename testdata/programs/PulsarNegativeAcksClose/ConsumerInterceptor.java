package pulsar;

import java.util.Set;

/** The API's consumer interceptor, reduced to the negative-ack event. */
public interface ConsumerInterceptor<T> extends AutoCloseable {
  @Override
  void close();

  Message<T> beforeConsume(Consumer<T> consumer, Message<T> message);

  void onNegativeAcksSend(Consumer<T> consumer, Set<MessageId> messageIds);
}
