package druid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * io.druid.indexing.overlord.TaskQueue: the overlord's queue of active tasks, guarded by the "giant" lock. Its
 * management loop asks the task runner for its known tasks and runs new ones while holding the giant lock; the
 * callbacks it attaches to each task's status future take the giant lock again in notifyStatus().
 */
public class TaskQueue
{
  private final List<String> tasks = new ArrayList<>();
  private final Map<String, SettableFuture<TaskRunner.TaskStatus>> taskFutures = new HashMap<>();

  private final ReentrantLock giant = new ReentrantLock(true);

  private final TaskRunner taskRunner;

  private volatile boolean active = true;

  public TaskQueue(TaskRunner taskRunner)
  {
    this.taskRunner = taskRunner;
  }

  public void stop()
  {
    giant.lock();

    try {
      active = false;
    }
    finally {
      giant.unlock();
    }
  }

  /**
   * One pass of the main task runner management loop (the loop and its managementMayBeNecessary.awaitNanos are
   * dropped).
   */
  void manage()
  {
    giant.lock();

    try {
      // Task futures available from the taskRunner
      final Map<String, SettableFuture<TaskRunner.TaskStatus>> runnerTaskFutures = new HashMap<>();
      for (final TaskRunnerWorkItem workItem : taskRunner.getKnownTasks()) {
        runnerTaskFutures.put(workItem.getTaskId(), workItem.getResult());
      }
      // Attain futures for all active tasks (assuming they are ready to run).
      // Copy tasks list, as notifyStatus may modify it.
      for (final String task : new ArrayList<>(tasks)) {
        if (!taskFutures.containsKey(task)) {
          final SettableFuture<TaskRunner.TaskStatus> runnerTaskFuture;
          if (runnerTaskFutures.containsKey(task)) {
            runnerTaskFuture = runnerTaskFutures.get(task);
          } else {
            runnerTaskFuture = taskRunner.run(task);
          }
          taskFutures.put(task, attachCallbacks(task, runnerTaskFuture));
        }
      }
    }
    finally {
      giant.unlock();
    }
  }

  public boolean add(final String task)
  {
    giant.lock();

    try {
      tasks.add(task);
      return true;
    }
    finally {
      giant.unlock();
    }
  }

  private void notifyStatus(final String task, final TaskRunner.TaskStatus taskStatus)
  {
    giant.lock();

    try {
      // Inform taskRunner that this task can be shut down
      try {
        taskRunner.shutdown(task);
      }
      catch (Exception e) {
        System.err.println("TaskRunner failed to cleanup task after completion: " + task);
      }
      // Remove from running tasks
      tasks.remove(task);
      // Remove from futures list
      taskFutures.remove(task);
      System.out.println("Task done: " + task + " " + taskStatus.getStatusCode());
    }
    finally {
      giant.unlock();
    }
  }

  private SettableFuture<TaskRunner.TaskStatus> attachCallbacks(
      final String task,
      final SettableFuture<TaskRunner.TaskStatus> statusFuture
  )
  {
    statusFuture.addCallback(
        new SettableFuture.FutureCallback<TaskRunner.TaskStatus>()
        {
          @Override
          public void onSuccess(final TaskRunner.TaskStatus status)
          {
            handleStatus(status);
          }

          @Override
          public void onFailure(final Throwable t)
          {
            handleStatus(TaskRunner.TaskStatus.failure(task));
          }

          private void handleStatus(final TaskRunner.TaskStatus status)
          {
            if (!active) {
              return;
            }
            notifyStatus(task, status);
          }
        }
    );
    return statusFuture;
  }

  public static void main(String[] args) throws InterruptedException
  {
    final HttpRemoteTaskRunner runner = new HttpRemoteTaskRunner(200);
    final TaskQueue queue = new TaskQueue(runner);
    queue.add("index_wikipedia_1");
    queue.add("index_wikipedia_2");

    // "TaskQueue-Manager": giant -> statusLock (getKnownTasks, run)
    Thread manager = new Thread(() -> {
      for (int i = 0; i < 5; i++) {
        queue.manage();
      }
    }, "TaskQueue-Manager");

    // "HttpRemoteTaskRunner-worker-sync": the worker's announcements; statusLock -> (callback) giant
    Thread workerSync = new Thread(() -> {
      try {
        Thread.sleep(50);
      }
      catch (InterruptedException e) {
        return;
      }
      runner.taskAddedOrUpdated("index_wikipedia_1", TaskRunner.TaskStatus.running("index_wikipedia_1"));
      runner.taskAddedOrUpdated("index_wikipedia_1", TaskRunner.TaskStatus.success("index_wikipedia_1"));
    }, "HttpRemoteTaskRunner-worker-sync");

    manager.start();
    workerSync.start();
    manager.join();
    workerSync.join();
    Thread.sleep(500); // index_wikipedia_2 is never announced: its assignment times out
    queue.stop();
    runner.stop();
  }
}
