/**
 * One status line for a long operation (generated load, a reassignment being waited on), rewritten
 * in place on a terminal at most a few times a second. Off a terminal nothing is drawn: a log file
 * should not fill with carriage returns; the final summary says what happened.
 */
import type { CliIo } from '../io';

const REDRAW_EVERY_MS = 250;

export class Progress {
  private lastDraw = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly io: CliIo,
    enabled = io.stderr.isTTY === true,
  ) {
    this.enabled = enabled;
  }

  update(text: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    this.io.stderr.write(`\r\x1b[2K${text}`);
  }

  /** Clears the line, so what is printed next starts at column 0. */
  done(): void {
    if (this.drawn) this.io.stderr.write('\r\x1b[2K');
    this.drawn = false;
  }
}
