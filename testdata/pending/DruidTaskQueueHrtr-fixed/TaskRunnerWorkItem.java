package druid;

/**
 * io.druid.indexing.overlord.TaskRunnerWorkItem / RemoteTaskRunnerWorkItem: a task id and the future of its
 * status. {@link #setResult} completes the future, which runs the callbacks attached to it (TaskQueue's) in the
 * calling thread.
 */
public class TaskRunnerWorkItem
{
  private final String taskId;
  private final SettableFuture<TaskRunner.TaskStatus> result;

  public TaskRunnerWorkItem(String taskId)
  {
    this.taskId = taskId;
    this.result = SettableFuture.create();
  }

  public String getTaskId()
  {
    return taskId;
  }

  public SettableFuture<TaskRunner.TaskStatus> getResult()
  {
    return result;
  }

  public void setResult(TaskRunner.TaskStatus status)
  {
    result.set(status);
  }
}
