package dev.lamina;

import java.util.ArrayList;
import java.util.List;

/**
 * A scope in which a repeated computation, such as a training step, reuses the tensors it made the
 * step before. Operations number their results in the order they run; when position i of this step
 * is the same operation on the same input tensors (by identity) with the same options as position i
 * of an earlier step, the operation recomputes its values into that earlier result and returns the
 * same tensor, whose recorded backward rule stays valid. After the first step a step of the same
 * shape allocates no tensors, rules or arrays. {@link Gradients#of} also keeps its walk order for a
 * root it saw before.
 *
 * <p>Results made inside a workspace are overwritten by the next step: read them before it. A
 * workspace belongs to the thread that opened it; operations on other threads, and outside any
 * workspace, make fresh immutable tensors as always.
 *
 * <pre>{@code
 * Workspace steps = new Workspace();
 * for (...) {
 *   try (Workspace step = steps.step(0)) {
 *     Tensor loss = ...;
 *     List<Tensor> grads = Gradients.of(loss, weights);
 *   }
 * }
 * }</pre>
 */
public final class Workspace implements AutoCloseable {
  private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

  /** What was computed at one position: the operation, its inputs and options, the result. */
  private static final class Slot {
    Object kind;
    Tensor a;
    Tensor b;
    Tensor c;
    long option;
    boolean recording;
    Tensor result;
    Object state;
  }

  private final Thread owner = Thread.currentThread();
  private final List<List<Slot>> variants = new ArrayList<>();
  private Workspace outer;
  private boolean active;
  private List<Slot> slots;
  private int next;
  private int claimed = -1;
  private Object hitState;

  // Gradients' walk for the last root it was asked about, and the list its result is written to
  BackwardPlan backwardPlan;
  final List<Tensor> gradients = new ArrayList<>();

  /** A workspace for the current thread, not yet active. */
  public Workspace() {}

  /**
   * Makes this workspace current on its thread for one step, positions counting from 0; close it to
   * end the step. Steps of different shapes (a full batch and a shorter last one) keep their
   * results apart by using different {@code variant} numbers.
   */
  public Workspace step(int variant) {
    if (!ownedByCurrentThread()) {
      throw new IllegalStateException(
          "Workspace: made on thread "
              + owner.getName()
              + ", used on "
              + Thread.currentThread().getName());
    }
    if (active) {
      throw new IllegalStateException("Workspace: a step is already open");
    }
    while (variants.size() <= variant) {
      variants.add(new ArrayList<>());
    }
    slots = variants.get(variant);
    next = 0;
    claimed = -1;
    outer = CURRENT.get();
    CURRENT.set(this);
    active = true;
    return this;
  }

  /** Whether the calling thread made this workspace, the only one that may open its steps. */
  boolean ownedByCurrentThread() {
    return owner == Thread.currentThread();
  }

  /** The current thread's active workspace, or null. */
  public static Workspace current() {
    return CURRENT.get();
  }

  /**
   * The result at the next position when it was made by {@code kind} from exactly these inputs and
   * option (and has {@code shape}, when given), for the caller to recompute in place; otherwise
   * null, and the caller computes a fresh result and hands it to {@link #remember}. Nothing may run
   * between a miss and its remember. Outside a workspace, always null.
   */
  public static Tensor reuse(Object kind, Tensor a, Tensor b, Tensor c, long option, int[] shape) {
    Workspace workspace = CURRENT.get();
    return workspace == null ? null : workspace.take(kind, a, b, c, option, shape);
  }

  /** Stores the result of the position that {@link #reuse} just missed; returns it. */
  public static Tensor remember(Tensor result) {
    return remember(result, null);
  }

  /**
   * Stores the result of the position that {@link #reuse} just missed, with what the operation
   * needs to recompute it (a broadcast plan, gather offsets), which {@link #state()} gives back on
   * a hit; returns the result.
   */
  public static Tensor remember(Tensor result, Object state) {
    Workspace workspace = CURRENT.get();
    if (workspace != null && workspace.claimed >= 0) {
      Slot slot = workspace.slots.get(workspace.claimed);
      slot.result = result;
      slot.state = state;
      workspace.claimed = -1;
    }
    return result;
  }

  /** The state remembered with the result that {@link #reuse} just returned. */
  public static Object state() {
    return CURRENT.get().hitState;
  }

  private Tensor take(Object kind, Tensor a, Tensor b, Tensor c, long option, int[] shape) {
    boolean recording = !NoGrad.isActive();
    int position = next++;
    if (position == slots.size()) {
      slots.add(new Slot());
    }
    Slot slot = slots.get(position);
    Tensor result = slot.result;
    if (slot.kind == kind
        && slot.a == a
        && slot.b == b
        && slot.c == c
        && slot.option == option
        && slot.recording == recording
        && result != null
        && (shape == null || result.hasShape(shape))) {
      claimed = -1;
      hitState = slot.state;
      return result;
    }
    slot.kind = kind;
    slot.a = a;
    slot.b = b;
    slot.c = c;
    slot.option = option;
    slot.recording = recording;
    slot.result = null;
    slot.state = null;
    claimed = position;
    return null;
  }

  /** Ends the step; results stay in place for the next step of the same variant. */
  @Override
  public void close() {
    if (active) {
      active = false;
      // set, not remove: the thread's entry stays, so the next step allocates nothing
      CURRENT.set(outer);
      outer = null;
    }
  }
}
