package pulsar;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The client: its timer ("pulsar-timer"), ids and the consumers it has opened. */
public class PulsarClientImpl {
  private final Timer timer;
  private final AtomicLong consumerIdGenerator = new AtomicLong();
  private final AtomicLong requestIdGenerator = new AtomicLong();
  private final Set<ConsumerBase<?>> consumers =
      Collections.newSetFromMap(new ConcurrentHashMap<>());

  public PulsarClientImpl() {
    this.timer = new HashedWheelTimer(new DefaultThreadFactory("pulsar-timer", true), 1,
        TimeUnit.MILLISECONDS);
  }

  public Timer timer() {
    return timer;
  }

  long newConsumerId() {
    return consumerIdGenerator.getAndIncrement();
  }

  long newRequestId() {
    return requestIdGenerator.getAndIncrement();
  }

  /** ConsumerBuilderImpl.subscribeAsync() -> PulsarClientImpl.singleTopicSubscribeAsync(). */
  public <T> CompletableFuture<Consumer<T>> subscribeAsync(String topic,
      ConsumerConfigurationData<T> conf, ConsumerInterceptors<T> interceptors) {
    CompletableFuture<Consumer<T>> consumerSubscribedFuture = new CompletableFuture<>();
    ConsumerImpl<T> consumer = ConsumerImpl.newConsumerImpl(this, topic, conf,
        consumerSubscribedFuture, interceptors);
    consumers.add(consumer);
    consumer.grabCnx();
    return consumerSubscribedFuture;
  }

  void cleanupConsumer(ConsumerBase<?> consumer) {
    consumers.remove(consumer);
  }

  public void close() {
    timer.stop();
  }
}
