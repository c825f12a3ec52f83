/**
 * How often a crashed server is restarted: at most `maxRestarts` crashes
 * within a sliding window; one more and the extension gives up and says so.
 */

export interface RestartDecision {
  readonly restart: boolean;
  /** Crashes counted in the current window, this one included. */
  readonly crashesInWindow: number;
}

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts = 3,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (ms) and decides whether to start the server again. */
  onCrash(now: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return { restart: this.crashes.length <= this.maxRestarts, crashesInWindow: this.crashes.length };
  }

  /** A deliberate restart (the command, a settings change) starts the count afresh. */
  reset(): void {
    this.crashes = [];
  }

  givingUpMessage(): string {
    const minutes = Math.round(this.windowMs / 60000);
    return `The ORM Lens server stopped unexpectedly ${this.maxRestarts + 1} times in ${minutes} minutes and will not be restarted. See the "ORM Lens" output for its log, then use "ORM Lens: Restart Server".`;
  }
}
