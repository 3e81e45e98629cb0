package druid;

import java.util.Collection;

/**
 * The overlord's task runner, as {@link TaskQueue} sees it (io.druid.indexing.overlord.TaskRunner).
 */
public interface TaskRunner
{
  /** io.druid.indexer.TaskStatus, reduced to the id and the status code. */
  record TaskStatus(String id, String statusCode)
  {
    static TaskStatus running(String id)
    {
      return new TaskStatus(id, "RUNNING");
    }

    static TaskStatus success(String id)
    {
      return new TaskStatus(id, "SUCCESS");
    }

    static TaskStatus failure(String id)
    {
      return new TaskStatus(id, "FAILED");
    }

    boolean isComplete()
    {
      return !"RUNNING".equals(statusCode);
    }

    String getId()
    {
      return id;
    }

    String getStatusCode()
    {
      return statusCode;
    }
  }

  SettableFuture<TaskStatus> run(String task);

  void shutdown(String taskId);

  Collection<? extends TaskRunnerWorkItem> getKnownTasks();
}
