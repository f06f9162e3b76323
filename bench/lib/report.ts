/** Markdown output helpers for benchmark reports. */

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(cells[0]),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

/** "0.42×" — a figure over its target (below 1 is within a maximum). */
export function ratio(figure: number, target: number): string {
  return Number.isFinite(figure) && target > 0 ? `${(figure / target).toFixed(2)}×` : 'n/a';
}

/** Collects report sections; printed and written as one document. */
export class Report {
  private readonly parts: string[] = [];

  heading(text: string, level = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${text}`);
    return this;
  }

  text(text: string): this {
    this.parts.push(text);
    return this;
  }

  table(headers: string[], rows: (string | number)[][]): this {
    this.parts.push(markdownTable(headers, rows));
    return this;
  }

  toString(): string {
    return `${this.parts.join('\n\n')}\n`;
  }
}
