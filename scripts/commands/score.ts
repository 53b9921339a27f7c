// `score`: offline scoring with the same engine as the app, no database.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  assessmentRows,
  parseScheme,
  scoreDepartments,
  ScoringInputError,
  scoringInputFromRows,
  toCsv,
  type IncidentRow,
  type ValueRow,
} from '../../lib/scoring/index';
import { adviceSchemeOf, assessmentCells } from '../../lib/advice/sentences';
import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';

const usage = `usage: npm run cli -- score --input FILE.csv --scheme FILE.json [--incidents FILE.csv] [--format json|csv]

Scores departments offline with the scoring engine (no database).

  --input FILE.csv      header department,indicator,value (optional column: name);
                        an empty value means "not reported"
  --scheme FILE.json    a scoring scheme (see examples/default-scheme.json)
  --incidents FILE.csv  header department,points,exempt (exempt: true/false, empty = false)
  --format json|csv     json (default): the scores with indicators, weights and methodology;
                        csv: the assessment export columns (UTF-8 with BOM)

Exit codes: 0 scored, 2 bad usage or bad input (one line on stderr).
Example: npm run cli -- score --input examples/score-input.csv --scheme examples/default-scheme.json --incidents examples/incidents.csv`;

const command: Command = {
  summary: 'score departments offline from a CSV and a scheme (no database)',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, {
      input: { type: 'string' },
      scheme: { type: 'string' },
      incidents: { type: 'string' },
      format: { type: 'string', default: 'json' },
    });
    const format = values.format;
    if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got "${format}"`);

    const scheme = readScheme(requireOption(values.scheme, 'scheme'));
    const inputPath = requireOption(values.input, 'input');
    const valueRows = readCsv(inputPath, ['department', 'indicator', 'value'], ['name']).map(
      (r): ValueRow => ({ row: r.row, department: r.department, indicator: r.indicator, value: r.value, name: r.name }),
    );
    const incidentRows = values.incidents
      ? readCsv(values.incidents, ['department', 'points'], ['exempt']).map(
          (r): IncidentRow => ({ row: r.row, department: r.department, points: r.points, exempt: r.exempt ?? '' }),
        )
      : [];

    const converted = scoringInputFromRows(valueRows, incidentRows, scheme);
    if (!converted.ok) throw new UsageError(summarise(inputPath, converted.errors));

    let result;
    try {
      result = scoreDepartments(converted.input, scheme);
    } catch (err) {
      if (err instanceof ScoringInputError) throw new UsageError(`${inputPath}: ${err.message}`);
      throw err;
    }
    process.stdout.write(format === 'csv' ? toCsv(assessmentRows(result, scheme, assessmentCells(adviceSchemeOf(scheme)))) : JSON.stringify(result, null, 2) + '\n');
    return 0;
  },
};

export default command;

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function readScheme(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = parseScheme(json);
  if (!parsed.ok) throw new UsageError(summarise(path, parsed.errors));
  return parsed.scheme;
}

/**
 * A small CSV file → one record per data row, keyed by header name, with the row
 * number a spreadsheet shows (header = 1). RFC 4180 via csv-parse; a BOM is allowed.
 */
function readCsv(path: string, required: string[], optional: string[]): Array<Record<string, string> & { row: number }> {
  let table: string[][];
  try {
    table = parse(readText(path), { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${path} is not valid CSV: ${(err as Error).message}`);
  }
  if (table.length === 0) throw new UsageError(`${path} is empty; expected a header ${required.join(',')}`);
  const header = table[0].map((h) => h.trim().toLowerCase());
  for (const column of required) {
    if (!header.includes(column)) throw new UsageError(`${path}: missing column "${column}" (header must include ${required.join(',')})`);
  }
  const unknown = header.filter((h) => !required.includes(h) && !optional.includes(h));
  if (unknown.length > 0) throw new UsageError(`${path}: unknown column "${unknown[0]}" (allowed: ${[...required, ...optional].join(', ')})`);
  return table.slice(1).map((cells, i) => {
    const record: Record<string, string> & { row: number } = Object.assign(Object.create(null), { row: i + 2 });
    header.forEach((h, j) => (record[h] = cells[j] ?? ''));
    return record;
  });
}

/** One line for stderr: the first problem, and how many more there are. */
function summarise(path: string, errors: string[]): string {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more: ${errors.slice(1, 4).join('; ')}${errors.length > 4 ? '; …' : ''})` : '';
  return `${path}: ${errors[0]}${more}`;
}
