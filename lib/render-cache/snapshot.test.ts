import { describe, expect, it } from 'vitest';
import { isStorable, snapshotOf } from './snapshot';

const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

describe('snapshotOf', () => {
  it('keeps the body, the status and the headers of the page, not those of one delivery', async () => {
    const response = new Response('<html>页</html>', {
      headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 's=1', date: 'Fri, 27 Nov 2026 00:00:00 GMT', 'x-frame-options': 'DENY', vary: NEXT_VARY },
    });
    const snapshot = await snapshotOf(response);
    expect(new TextDecoder().decode(snapshot.body)).toBe('<html>页</html>');
    expect(Object.fromEntries(snapshot.headers)).toEqual({ 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY', vary: NEXT_VARY });
  });
});

describe('isStorable', () => {
  const storable = async (status: number, vary?: string) => isStorable(await snapshotOf(new Response(status === 204 ? null : 'x', { status, headers: vary ? { vary } : {} })));

  it("keeps a 200 that varies only on Next.js's navigation headers and encoding", async () => {
    expect(await storable(200, NEXT_VARY)).toBe(true);
    expect(await storable(200)).toBe(true);
  });

  it('refuses every other status and any Vary the key does not cover', async () => {
    for (const status of [204, 302, 403, 404, 500]) expect(await storable(status, NEXT_VARY)).toBe(false);
    expect(await storable(200, `${NEXT_VARY}, Cookie`)).toBe(false);
    expect(await storable(200, '*')).toBe(false);
  });
});
