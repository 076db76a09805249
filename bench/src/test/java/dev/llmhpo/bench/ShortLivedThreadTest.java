package dev.llmhpo.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class ShortLivedThreadTest {
  @Test
  public void theWorkRunsOnAThreadThatHasEndedWhenTheResultIsBack() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    String result =
        ShortLivedThread.call(
            "test-worker",
            () -> {
              worker.set(Thread.currentThread());
              return "done";
            });
    assertThat(result, equalTo("done"));
    assertThat(worker.get(), not(equalTo(Thread.currentThread())));
    assertThat(worker.get().getName(), equalTo("test-worker"));
    assertThat(worker.get().isAlive(), equalTo(false));
  }

  @Test
  public void theWorksExceptionComesBackUnwrapped() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> ShortLivedThread.call("test-worker", () -> {
              throw new IOException("disk full");
            }));
    assertThat(e.getMessage(), equalTo("disk full"));
  }
}
