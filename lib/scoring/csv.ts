// CSV for spreadsheets (CONTRACT.md §6): UTF-8 with BOM so Excel reads Chinese,
// RFC 4180 quoting, CRLF line ends, and formula-injection protection.

export type Cell = string | number | null | undefined;

/** A cell starting with = + - @ tab or CR would run as a formula in Excel: prefix it with '. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(cell: Cell): string {
  const text = neutralizeFormula(cell === null || cell === undefined ? '' : String(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(field).join(',') + '\r\n').join('');
}
