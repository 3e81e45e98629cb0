package dev.lockdep.checker.report;

import dev.lockdep.lockgraph.DependencyEdge;
import dev.lockdep.lockgraph.Provenance;
import java.util.List;

/**
 * Where a dependency is made, as the fix sees it: the method that holds the first lock while it
 * reaches the second, either by taking it itself or by a call whose callee takes it. A cycle
 * closed through calls is fixed in that caller, not in the callee that takes the lock.
 *
 * @param method the method that holds the first lock, as reports name it
 * @param call the call in {@code method} that leads to the acquisition, as a call chain names it
 *     ({@code Pool.java:29 in Pool.evict()}); null when {@code method} takes the lock itself
 * @param callee the method {@code call} enters; null with {@code call}
 * @param acquired the acquisition of the second lock
 */
public record Holding(String method, String call, String callee, Provenance acquired) {

  /** The holder of {@code d}'s first lock while it reaches the second. */
  public static Holding of(DependencyEdge d) {
    return of(d.heldAt(), d.at());
  }

  /**
   * The holder of the lock taken at {@code heldAt} when the lock at {@code acquired} is taken: the
   * method that took the held lock, and, when the acquisition is in a callee, the last call that
   * method makes on the acquisition's call chain. A chain that does not pass through it (a lock
   * held on entry from elsewhere) is fixed at its first call.
   */
  public static Holding of(Provenance heldAt, Provenance acquired) {
    List<String> calls = acquired.callChain();
    String holder = heldAt.method();
    if (calls.isEmpty() || acquired.method().equals(holder)) {
      return new Holding(acquired.method(), null, null, acquired);
    }
    int at = 0;
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (methodOf(calls.get(i)).equals(holder)) {
        at = i;
        break;
      }
    }
    String callee = at + 1 < calls.size() ? methodOf(calls.get(at + 1)) : acquired.method();
    return new Holding(methodOf(calls.get(at)), calls.get(at), callee, acquired);
  }

  /** Whether the holder reaches the lock through a call rather than taking it itself. */
  public boolean throughCall() {
    return call != null;
  }

  /** {@code Pool.java:29}: where the holder calls, or takes the lock itself. */
  public String site() {
    return throughCall() ? siteOf(call) : Sites.fileLine(acquired);
  }

  /** One place of the program that takes the two locks in this order: the holder and its site. */
  String place() {
    return method + "@" + site();
  }

  /** {@code Pool.evict()} of the chain link {@code Pool.java:29 in Pool.evict()}; empty when it names none. */
  static String methodOf(String link) {
    int in = link.indexOf(" in ");
    return in < 0 ? "" : link.substring(in + " in ".length());
  }

  /** {@code Pool.java:29} of the chain link {@code Pool.java:29 in Pool.evict()}. */
  static String siteOf(String link) {
    int in = link.indexOf(" in ");
    return in < 0 ? link : link.substring(0, in);
  }
}
