package pulsar;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** The state of a producer or consumer. */
abstract class HandlerState {
  protected final PulsarClientImpl client;
  protected final String topic;

  private static final AtomicReferenceFieldUpdater<HandlerState, State> STATE_UPDATER =
      AtomicReferenceFieldUpdater.newUpdater(HandlerState.class, State.class, "state");
  @SuppressWarnings("unused")
  private volatile State state = null;

  enum State {
    Uninitialized, Connecting, Ready, Closing, Closed, Terminated, Failed
  }

  public HandlerState(PulsarClientImpl client, String topic) {
    this.client = client;
    this.topic = topic;
    STATE_UPDATER.set(this, State.Uninitialized);
  }

  protected boolean changeToReadyState() {
    return STATE_UPDATER.compareAndSet(this, State.Uninitialized, State.Ready)
        || STATE_UPDATER.compareAndSet(this, State.Connecting, State.Ready);
  }

  protected State getState() {
    return STATE_UPDATER.get(this);
  }

  protected void setState(State s) {
    STATE_UPDATER.set(this, s);
  }
}
