package logback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The appenders of one logger, kept in a list and called one after the other. */
class AppenderAttachableImpl {
  private final List<Appender> appenderList = new CopyOnWriteArrayList<>();

  void addAppender(Appender appender) {
    appenderList.add(appender);
  }

  int appendLoopOnAppenders(LoggingEvent event) {
    int size = 0;
    for (Appender appender : appenderList) {
      appender.doAppend(event);
      size++;
    }
    return size;
  }
}
