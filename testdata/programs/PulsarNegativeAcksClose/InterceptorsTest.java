package pulsar;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The test that hung, InterceptorsTest.testConsumerInterceptorForNegativeAcksSend: a Failover
 * consumer with an interceptor counting the negative acks it sees redelivered; half of the
 * messages are negatively acknowledged, then the consumer is closed while the timer may be
 * redelivering.
 */
public class InterceptorsTest {
  public static void main(String[] args) throws Exception {
    new InterceptorsTest().testConsumerInterceptorForNegativeAcksSend();
  }

  public void testConsumerInterceptorForNegativeAcksSend() throws Exception {
    PulsarClientImpl pulsarClient = new PulsarClientImpl();
    final int totalNumOfMessages = 100;
    CountDownLatch latch = new CountDownLatch(totalNumOfMessages / 2);

    ConsumerInterceptor<String> interceptor = new ConsumerInterceptor<String>() {
      @Override
      public void close() {
      }

      @Override
      public Message<String> beforeConsume(Consumer<String> consumer, Message<String> message) {
        return message;
      }

      @Override
      public void onNegativeAcksSend(Consumer<String> consumer, Set<MessageId> messageIds) {
        messageIds.forEach(messageId -> latch.countDown());
      }
    };

    ConsumerConfigurationData<String> conf = new ConsumerConfigurationData<>();
    conf.setSubscriptionName("my-subscription");
    conf.setSubscriptionType(SubscriptionType.Failover);
    conf.setNegativeAckRedeliveryDelayMicros(TimeUnit.MILLISECONDS.toMicros(100));
    Consumer<String> consumer = pulsarClient.subscribeAsync(
        "persistent://my-property/my-ns/my-topic", conf,
        new ConsumerInterceptors<>(List.of(interceptor))).get();

    for (int i = 0; i < totalNumOfMessages; i++) {
      Message<String> message = new MessageImpl<>(new MessageIdImpl(3, i, -1), 0, "Mock message");
      if (i % 2 == 0) {
        consumer.negativeAcknowledge(message);
      }
    }

    latch.await();
    consumer.close();
    pulsarClient.close();
  }
}
