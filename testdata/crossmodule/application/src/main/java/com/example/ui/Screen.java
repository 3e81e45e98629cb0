package com.example.ui;

import com.example.events.EventLoop;
import com.example.events.Listener;

/**
 * Repaints on every event under its paint lock, and registers with the loop under the same lock:
 * the loop thread holds the loop lock and waits for paint while this thread holds paint and waits
 * for the loop lock.
 */
public class Screen implements Listener {
  private final Object paint = new Object();
  private final EventLoop loop;
  private boolean attached;

  public Screen(EventLoop loop) {
    this.loop = loop;
  }

  @Override
  public void onEvent() {
    synchronized (paint) {
      repaint();
    }
  }

  public void attach() {
    synchronized (paint) {
      if (!attached) {
        loop.register(this);
        attached = true;
      }
    }
  }

  private void repaint() {}
}
