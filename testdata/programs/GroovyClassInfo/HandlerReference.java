package groovy;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/** A weak reference that knows what to finalize once it is enqueued. */
final class HandlerReference extends WeakReference<Object> {
  final Finalizable handler;

  HandlerReference(Object referent, Finalizable handler, ReferenceQueue<Object> queue) {
    super(referent, queue);
    this.handler = handler;
  }
}
