package com.example.events;

import java.util.ArrayList;
import java.util.List;

/** Delivers events to listeners, under the loop lock so that registration cannot race delivery. */
public class EventLoop {
  private final Object lock = new Object();
  private final List<Listener> listeners = new ArrayList<>();

  public void register(Listener listener) {
    synchronized (lock) {
      listeners.add(listener);
    }
  }

  public void fire() {
    synchronized (lock) {
      for (Listener listener : listeners) {
        listener.onEvent();
      }
    }
  }
}
