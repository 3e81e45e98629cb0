package pulsar;

import java.io.Closeable;
import java.util.List;
import java.util.Set;

/** The chain of a consumer's interceptors; an interceptor's exception is logged, not thrown. */
public class ConsumerInterceptors<T> implements Closeable {
  private final List<ConsumerInterceptor<T>> interceptors;

  public ConsumerInterceptors(List<ConsumerInterceptor<T>> interceptors) {
    this.interceptors = interceptors;
  }

  public Message<T> beforeConsume(Consumer<T> consumer, Message<T> message) {
    Message<T> interceptorMessage = message;
    for (ConsumerInterceptor<T> interceptor : interceptors) {
      try {
        interceptorMessage = interceptor.beforeConsume(consumer, interceptorMessage);
      } catch (Throwable e) {
        System.err.println("Error executing interceptor beforeConsume callback: " + e);
      }
    }
    return interceptorMessage;
  }

  public void onNegativeAcksSend(Consumer<T> consumer, Set<MessageId> messageIds) {
    for (ConsumerInterceptor<T> interceptor : interceptors) {
      try {
        interceptor.onNegativeAcksSend(consumer, messageIds);
      } catch (Throwable e) {
        System.err.println("Error executing interceptor onNegativeAcksSend callback: " + e);
      }
    }
  }

  @Override
  public void close() {
    for (ConsumerInterceptor<T> interceptor : interceptors) {
      try {
        interceptor.close();
      } catch (Exception e) {
        System.err.println("Fail to close consumer interceptor: " + e);
      }
    }
  }
}
