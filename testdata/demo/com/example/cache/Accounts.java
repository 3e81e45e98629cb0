package com.example.cache;

/** Transfers lock two accounts of one class: the second monitor is another instance of a held class. */
public final class Accounts {
  private long balance;

  public static void transfer(Accounts from, Accounts to, long amount) {
    synchronized (from) {
      synchronized (to) {
        from.balance -= amount;
        to.balance += amount;
      }
    }
  }
}
