package druid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The part of Guava's SettableFuture and Futures.addCallback(future, callback) that the overlord uses: in Guava of
 * that time the two-argument addCallback runs the callback on the direct (same-thread) executor, so whoever calls
 * {@link #set} runs every callback attached before it, in its own thread and under whatever locks it holds.
 * Lock-free, like Guava's AbstractFuture.
 */
public final class SettableFuture<V>
{
  /** com.google.common.util.concurrent.FutureCallback */
  public interface FutureCallback<V>
  {
    void onSuccess(V result);

    void onFailure(Throwable t);
  }

  private final AtomicReference<V> value = new AtomicReference<>();
  private final List<FutureCallback<? super V>> callbacks = new CopyOnWriteArrayList<>();

  public static <V> SettableFuture<V> create()
  {
    return new SettableFuture<>();
  }

  public boolean isDone()
  {
    return value.get() != null;
  }

  public boolean set(V v)
  {
    if (!value.compareAndSet(null, v)) {
      return false;
    }
    for (FutureCallback<? super V> callback : callbacks) {
      callback.onSuccess(v);
    }
    return true;
  }

  /** Futures.addCallback(future, callback): direct executor. */
  public void addCallback(FutureCallback<? super V> callback)
  {
    callbacks.add(callback);
    V v = value.get();
    if (v != null && callbacks.remove(callback)) {
      callback.onSuccess(v);
    }
  }
}
