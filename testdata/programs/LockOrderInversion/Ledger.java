package bank;

import java.util.concurrent.locks.ReentrantLock;

/** Takes the ledger, then the audit log. */
class Ledger {
  final ReentrantLock lock = new ReentrantLock();
  private final AuditLog audit;
  private long total;

  Ledger(AuditLog audit) {
    this.audit = audit;
  }

  void post(long amount) {
    lock.lock();
    try {
      total += amount;
      audit.lock.lock();
      try {
        audit.record(amount);
      } finally {
        audit.lock.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  long total() {
    return total;
  }
}
