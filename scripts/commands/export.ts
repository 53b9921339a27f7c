// `export --period P --format csv|xlsx --out FILE`: the assessment export (CONTRACT.md §6),
// the same file the /assessment page and GET /api/v1/export give, audited as `cli`.
import { writeFileSync } from 'node:fs';
import { getDatabase } from '../../db/client';
import { CLI } from '../../lib/auth/principal';
import { exportAssessment, isExportFormat } from '../../lib/export/service';
import { parseCommandArgs, requireOption, UsageError, type Command } from './_shared';
import { asCli } from './period';

const usage = `usage: npm run cli -- export --period P --format csv|xlsx --out FILE

Writes the assessment export of period P: one row per department in rank order with
排名, 部门编码, 部门名称, 总分, the dimension scores, 扣分, 等级, 排名区间, 考核得分, 激励建议.
  csv   UTF-8 with BOM, RFC 4180, formula-injection safe
  xlsx  a results sheet (frozen header, number formats) and a metadata sheet
A finalized period carries its snapshot hash (check it with \`period verify\`); any other
period is exported as a draft (草稿). Prints the file's status and hash. Audited as "cli".
Exit codes: 0 written, 1 refused, 2 bad usage, unknown period or no scores.`;

const command: Command = {
  summary: 'export a period’s assessment results as CSV or XLSX',
  usage,
  async run(args) {
    const { values } = parseCommandArgs(args, { period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    const period = requireOption(values.period, 'period');
    const format = requireOption(values.format, 'format');
    const out = requireOption(values.out, 'out');
    if (!isExportFormat(format)) throw new UsageError(`--format must be csv or xlsx, got "${format}"`);
    const database = await getDatabase();
    const file = await asCli(() => exportAssessment(database, { principal: CLI }, { period, format }));
    try {
      writeFileSync(out, file.body);
    } catch (err) {
      throw new UsageError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    process.stdout.write(`wrote ${out}: ${period} ${file.draft ? 'draft (草稿)' : 'finalized'} ${file.hash} (suggested name ${file.fileName})\n`);
    return 0;
  },
};

export default command;
