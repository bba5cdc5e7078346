/**
 * A background loop in the server process: runs `pass` after `firstDelayMs`, then again
 * `intervalMs` after each pass ends, never two at once; `stop()` waits for the pass in hand.
 * The timer does not keep the process alive. Used by the export, mail and retention workers.
 */
export class Periodic {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pass: Promise<unknown> | undefined;
  #stopped = true;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly intervalMs: number,
  ) {}

  /** True before `start()` and after `stop()`: a pass in hand checks it to end early. */
  get stopped(): boolean {
    return this.#stopped;
  }

  start(firstDelayMs = 0): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(firstDelayMs);
  }

  /** Runs no more passes; resolves once the pass in hand has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#pass;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#pass = this.pass().finally(() => this.#schedule(this.intervalMs));
    }, ms);
    this.#timer.unref?.();
  }
}
