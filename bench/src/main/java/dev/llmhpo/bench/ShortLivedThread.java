package dev.llmhpo.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs XGBoost work that a long-lived thread (the bench's main thread) needs done on a fresh thread that ends
 * with it. OpenMP keeps the worker threads of a parallel region with the calling thread for that thread's life;
 * idle workers kept that way count against the cores, OpenMP then throttles its spinning everywhere in the process,
 * and every multi-threaded training after it slows down (by about 40 % for short trials on two cores).
 */
final class ShortLivedThread {
  private ShortLivedThread() {}

  /** {@code work}'s result, computed on a new thread; its exception, unwrapped, when it throws. */
  static <T> T call(String name, Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.start();
    try {
      return task.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    } finally {
      thread.join();
    }
  }
}
