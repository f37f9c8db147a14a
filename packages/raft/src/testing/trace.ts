/** "   12.345s": simulated milliseconds as seconds, fixed width so narrated lines align. */
export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(3).padStart(8)}s`;
}

/**
 * The narrated story of a run: notable events (roles, crashes, partitions, acknowledged proposals)
 * as time-stamped lines. It keeps the last `capacity` lines, so a failing run can show what led up
 * to the violation, and can also pass every line on as it happens (the demo and `--trace`).
 */
export class Trace {
  private readonly lines: string[] = [];

  constructor(
    private readonly capacity = 200,
    private readonly sink?: (line: string) => void,
  ) {}

  record(time: number, text: string): void {
    const line = `${formatSimTime(time)}  ${text}`;
    this.sink?.(line);
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  recent(count = this.capacity): string[] {
    return this.lines.slice(-count);
  }
}
