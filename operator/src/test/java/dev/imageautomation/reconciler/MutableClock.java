package dev.imageautomation.reconciler;

/** The shared hand-moved clock under its short name in this package's tests. */
final class MutableClock extends dev.imageautomation.testing.MutableClock {

  MutableClock(String start) {
    super(start);
  }
}
