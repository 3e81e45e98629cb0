package druid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * io.druid.indexing.overlord.hrtr.HttpRemoteTaskRunner: assigns tasks to middle managers over HTTP and follows
 * their state through the workers' announcements. statusLock guards the task states.
 */
public class HttpRemoteTaskRunner implements TaskRunner
{
  // Executor for assigning pending tasks to workers.
  private final ExecutorService pendingTasksExec = Executors.newFixedThreadPool(
      1,
      r -> {
        Thread t = new Thread(r, "hrtr-pending-tasks-runner-0");
        t.setDaemon(true);
        return t;
      }
  );

  // All known tasks
  private final ConcurrentMap<String, HttpRemoteTaskRunnerWorkItem> tasks = new ConcurrentHashMap<>();

  // Guards the pending/running/complete lists of tasks and list of workers
  // statusLock.notifyAll() is called whenever a task status or location changes.
  private final Object statusLock = new Object();

  // config.getTaskAssignmentTimeout()
  private final long taskAssignmentTimeoutMillis;

  public HttpRemoteTaskRunner(long taskAssignmentTimeoutMillis)
  {
    this.taskAssignmentTimeoutMillis = taskAssignmentTimeoutMillis;
  }

  private boolean runTaskOnWorker(
      final HttpRemoteTaskRunnerWorkItem workItem,
      final String workerHost
  ) throws InterruptedException
  {
    String taskId = workItem.getTaskId();

    System.out.println("Asking Worker[" + workerHost + "] to run task[" + taskId + "]");

    // workerHolder.assignTask(workItem.getTask()): the HTTP request to the worker, dropped
    {
      // Don't assign new tasks until the task we just assigned is actually running
      // on a worker - this avoids overflowing a worker with tasks
      long waitMs = taskAssignmentTimeoutMillis;
      long waitStart = System.currentTimeMillis();
      synchronized (statusLock) {
        while (tasks.containsKey(taskId)
               && tasks.get(taskId).getState() == HttpRemoteTaskRunnerWorkItem.State.PENDING) {
          long remaining = waitMs - (System.currentTimeMillis() - waitStart);
          if (remaining > 0) {
            statusLock.wait(remaining);
          } else {
            System.err.println(
                "Task assignment timed out on worker [" + workerHost + "], never ran task [" + taskId + "]!"
            );
            taskComplete(workItem, TaskStatus.failure(taskId));
            return true;
          }
        }
        return true;
      }
    }
  }

  private void taskComplete(
      HttpRemoteTaskRunnerWorkItem taskRunnerWorkItem,
      TaskStatus taskStatus
  )
  {
    // Notify interested parties
    taskRunnerWorkItem.setResult(taskStatus);

    synchronized (statusLock) {
      statusLock.notifyAll();
    }
  }

  @Override
  public SettableFuture<TaskStatus> run(String task)
  {
    synchronized (statusLock) {
      HttpRemoteTaskRunnerWorkItem existing = tasks.get(task);

      if (existing != null) {
        return existing.getResult();
      } else {
        HttpRemoteTaskRunnerWorkItem taskRunnerWorkItem = new HttpRemoteTaskRunnerWorkItem(
            task,
            HttpRemoteTaskRunnerWorkItem.State.PENDING
        );
        tasks.put(task, taskRunnerWorkItem);
        addPendingTaskToExecutor(task);
        return taskRunnerWorkItem.getResult();
      }
    }
  }

  private void addPendingTaskToExecutor(final String taskId)
  {
    pendingTasksExec.execute(
        () -> {
          HttpRemoteTaskRunnerWorkItem taskItem;
          try {
            synchronized (statusLock) {
              taskItem = tasks.get(taskId);

              if (taskItem == null || taskItem.getState() != HttpRemoteTaskRunnerWorkItem.State.PENDING) {
                return;
              }
              // findWorkerToRunTask(..) and workersWithUnacknowledgedTask, dropped: one worker
            }

            runTaskOnWorker(taskItem, "middlemanager:8091");
          }
          catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        }
    );
  }

  @Override
  public void shutdown(String taskId)
  {
    synchronized (statusLock) {
      tasks.remove(taskId);
    }
    // workerHolderRunningTask.shutdownTask(taskId): HTTP, outside the lock, dropped
  }

  public void stop()
  {
    pendingTasksExec.shutdownNow();
  }

  @Override
  public Collection<? extends TaskRunnerWorkItem> getKnownTasks()
  {
    synchronized (statusLock) {
      return List.copyOf(tasks.values());
    }
  }

  /**
   * WorkerHolder.Listener (this::taskAddedOrUpdated), called by the worker-sync threads for each announcement a
   * middle manager makes; the TaskAnnouncement is reduced to the task id and its status.
   */
  void taskAddedOrUpdated(final String taskId, final TaskStatus announcedStatus)
  {
    HttpRemoteTaskRunnerWorkItem taskItem;

    synchronized (statusLock) {
      taskItem = tasks.get(taskId);
      if (taskItem == null) {
        // taskStorage lookup and shutdown of unknown tasks, dropped
        return;
      }

      switch (announcedStatus.getStatusCode()) {
        case "RUNNING":
          if (taskItem.getState() == HttpRemoteTaskRunnerWorkItem.State.PENDING) {
            taskItem.setState(HttpRemoteTaskRunnerWorkItem.State.RUNNING);
          }
          break;
        case "FAILED":
        case "SUCCESS":
          switch (taskItem.getState()) {
            case PENDING:
              taskItem.setState(HttpRemoteTaskRunnerWorkItem.State.RUNNING);
              // fall through
            case RUNNING:
              taskComplete(taskItem, announcedStatus);
              break;
            case COMPLETE:
              // this can happen when a worker is restarted and reports its list of completed tasks again.
              break;
          }
          break;
        default:
          break;
      }
    }

    synchronized (statusLock) {
      statusLock.notifyAll();
    }
  }

  private static class HttpRemoteTaskRunnerWorkItem extends TaskRunnerWorkItem
  {
    enum State
    {
      PENDING, RUNNING, COMPLETE
    }

    private State state;

    HttpRemoteTaskRunnerWorkItem(String taskId, State state)
    {
      super(taskId);
      this.state = state;
    }

    State getState()
    {
      return state;
    }

    void setState(State state)
    {
      this.state = state;
    }

    @Override
    public void setResult(TaskStatus status)
    {
      setState(State.COMPLETE);
      super.setResult(status);
    }
  }
}
