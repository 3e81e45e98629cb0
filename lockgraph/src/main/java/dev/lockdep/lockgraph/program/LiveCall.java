package dev.lockdep.lockgraph.program;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A call that may run a producer, with the bodies it dispatches to ({@link ClassHierarchy}). */
final class LiveCall {
  final MethodSummary.CallSite call;
  final Body[] targets;
  /** The callee's id, or null when no body has or overrides it. */
  final BodyId callee;
  /** The targets that are producers, in order. */
  final Body[] producers;
  /** The types the type flow says the receiver may have ({@link TypeFlow#receiver}), null when unknown. */
  final String[] flowed;
  /** The receiver's value, where it names parameters of the caller a frame may know better; else null. */
  final TypeFlow.InFrame receiverInFrame;
  /** Per argument, its value where it names parameters of the caller a frame may know better; else null. */
  final TypeFlow.InFrame[] argumentsInFrame;
  /**
   * The lambdas and method references the flow brings to the receiver that run a body for the
   * call ({@link SummaryComposer#flowFunctions}), which every frame of the caller asks for.
   */
  final List<String> functions;
  /** Whether the receiver is {@code this}, and whether it names a local. */
  final boolean thisReceiver;
  final boolean localReceiver;
  private String link;
  /** What the call runs by class hierarchy and flow, per static type of the receiver; made on first use. */
  private Map<String, CallMemo> dispatched;

  LiveCall(
      MethodSummary.CallSite call, Body[] targets, BodyId callee, Body[] producers, String[] flowed,
      TypeFlow.InFrame receiverInFrame, TypeFlow.InFrame[] argumentsInFrame, List<String> functions) {
    this.call = call;
    this.functions = functions;
    this.flowed = flowed;
    this.receiverInFrame = receiverInFrame;
    this.argumentsInFrame = argumentsInFrame;
    this.targets = targets;
    this.callee = callee;
    this.producers = producers;
    String receiver = call.receiver();
    this.thisReceiver = "this".equals(receiver);
    this.localReceiver = receiver != null && receiver.startsWith(MethodSummary.LOCAL);
  }

  /** What the call runs on a receiver of {@code staticType} whose runtime type is not known, or null until found. */
  CallMemo dispatched(String staticType) {
    return dispatched == null ? null : dispatched.get(staticType);
  }

  void dispatched(String staticType, CallMemo found) {
    if (dispatched == null) {
      dispatched = new HashMap<>(2);
    }
    dispatched.put(staticType, found);
  }

  /** The call as a call chain names it; computed on first use. */
  String link() {
    if (link == null) {
      link = call.at().toString();
    }
    return link;
  }
}
