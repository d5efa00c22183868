/**
 * One AbortSignal for a whole fetch, all hops and the body included: it fires when the
 * total timeout runs out or when the caller's own signal aborts, and remembers which it was.
 */
export class FetchDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private expired = false;

  constructor(
    totalTimeoutMs: number,
    private readonly callerSignal?: AbortSignal,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, totalTimeoutMs);
    if (callerSignal?.aborted) this.controller.abort();
    else callerSignal?.addEventListener('abort', this.abortForCaller, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get timedOut(): boolean {
    return this.expired;
  }

  get cancelledByCaller(): boolean {
    return !this.expired && this.callerSignal?.aborted === true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.abortForCaller);
  }

  private readonly abortForCaller = () => this.controller.abort();
}
