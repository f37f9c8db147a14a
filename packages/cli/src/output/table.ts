/**
 * A plain-text table: a header row and aligned columns, as kafka-topics and kubectl print them.
 * Numbers are right-aligned so that offsets line up; everything else is left-aligned.
 */
export type Cell = string | number | boolean | null | undefined;

export function renderTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (cell: Cell): string => (cell === null || cell === undefined ? '-' : String(cell));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => text(row[i]).length)));
  const line = (cells: readonly Cell[], alignNumbers: boolean): string =>
    widths
      .map((width, i) => {
        const cell = cells[i];
        const value = text(cell);
        return alignNumbers && typeof cell === 'number' ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers, false), ...rows.map((row) => line(row, true))].join('\n') + '\n';
}
