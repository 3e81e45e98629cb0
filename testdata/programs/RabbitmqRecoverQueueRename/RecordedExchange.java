package com.rabbitmq.client.impl.recovery;

/** An exchange the connection declared. */
public class RecordedExchange {
  private final boolean autoDelete;

  public RecordedExchange(boolean autoDelete) {
    this.autoDelete = autoDelete;
  }

  public boolean isAutoDelete() {
    return autoDelete;
  }
}
