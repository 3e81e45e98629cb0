package com.rabbitmq.client.impl.recovery;

/** A consumer the connection registered, with the queue it consumes from. */
public class RecordedConsumer {
  private String queue;

  public RecordedConsumer(String queue) {
    this.queue = queue;
  }

  public String getQueue() {
    return queue;
  }

  public void setQueue(String queue) {
    this.queue = queue;
  }
}
