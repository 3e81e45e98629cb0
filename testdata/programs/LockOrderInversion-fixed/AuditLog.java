package bank;

import java.util.concurrent.locks.ReentrantLock;

/** Reads the ledger's total before taking its own lock. */
class AuditLog {
  final ReentrantLock lock = new ReentrantLock();
  private Ledger ledger;
  private long checked;

  void attach(Ledger ledger) {
    this.ledger = ledger;
  }

  void record(long amount) {}

  void reconcile() {
    long total;
    ledger.lock.lock();
    try {
      total = ledger.total();
    } finally {
      ledger.lock.unlock();
    }
    lock.lock();
    try {
      checked = total;
    } finally {
      lock.unlock();
    }
  }
}
