// The rows a recompute stores, read back as PostgreSQL's COPY would: one line per department
// with its recommendations, the whole result as detail, and the summary the pages read.
import { describe, expect, it } from 'vitest';
import { withRecommendations } from '../advice/sentences';
import { hashOf } from '../audit/chain';
import { csvRecords } from '../ingest/csv-records';
import { scoreDepartments } from '../scoring';
import { workedInput, workedScheme } from '../scoring/test-support';
import { cacheRowsOf, scorePeriod, summaryOf } from './cache-rows';

const scheme = workedScheme();
const schemeRef = { id: 7, version: 3, hash: 'abc', name: '方案 "甲", v3' };

describe('cache rows', () => {
  it('are the departments in rank order with their recommendations, and the summary', () => {
    const result = scoreDepartments(workedInput, scheme);
    const rows = cacheRowsOf('2026-Q3', schemeRef, scheme, result);
    const records = [...csvRecords(rows.csv)];
    const expected = withRecommendations(result.departments, scheme);
    expect(rows.departments).toBe(expected.length);
    expect(records.map((r) => r.fields.slice(0, 5))).toEqual(expected.map((d) => ['2026-Q3', d.department, String(d.rank), String(d.total), d.tier]));
    const details = records.map((r) => JSON.parse(r.fields[5]));
    expect(details).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(details.every((d) => Array.isArray(d.recommendations) && d.recommendations.length > 0)).toBe(true);
    expect(JSON.parse(rows.summaryJson)).toEqual(JSON.parse(JSON.stringify(summaryOf(schemeRef, result))));
    expect(JSON.parse(rows.summaryJson).scheme).toEqual(schemeRef);
  });

  it('scorePeriod is the engine, the input hash and those rows', () => {
    const scored = scorePeriod({ period: '2026-11', input: workedInput, scheme, schemeRef });
    expect(scored).toEqual({ inputHash: hashOf(workedInput), ...cacheRowsOf('2026-11', schemeRef, scheme, scoreDepartments(workedInput, scheme)) });
  });
});
