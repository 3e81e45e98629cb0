package dev.lockdep.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calling the method waits for a fence to be signalled: the kernel's {@code dma_fence_wait}.
 *
 * <p>A call drops the {@code dma_fence_map} reader if held, acquires and releases
 * {@code dma_fence_map} exclusively, and retakes the reader: every lock held around the wait comes
 * before every lock taken in a signalling section. {@code Future.get},
 * {@code CompletableFuture.join/get}, {@code CountDownLatch.await} and {@code Thread.join} are fence
 * waits without annotation.
 *
 * <pre>{@code
 * @FenceWait
 * void awaitIdle() throws InterruptedException { idle.await(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface FenceWait {}
