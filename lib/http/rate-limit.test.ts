import { beforeEach, describe, expect, it } from 'vitest';
import { firstInWindow, perMinuteLimit, resetRateLimits, spend, takeRequest } from './rate-limit';
import { ApiError, errorResponse } from './errors';

beforeEach(() => resetRateLimits());

describe('per-caller rate limit', () => {
  it('allows the budget, then answers 429 with Retry-After until the window ends', async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) takeRequest('token:1', 3, t0 + i);
    let error: unknown;
    try {
      takeRequest('token:1', 3, t0 + 20_000);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    const res = errorResponse(error, 'zh-CN');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('40');
    expect(await res.json()).toMatchObject({ error: 'too_many_requests' });
    expect(() => takeRequest('token:2', 3, t0 + 20_000)).not.toThrow(); // another caller has its own budget
    expect(() => takeRequest('token:1', 3, t0 + 60_000)).not.toThrow(); // a new window
  });
  it('reads the budget from API_RATE_LIMIT_PER_MINUTE, default 600', () => {
    expect(perMinuteLimit({})).toBe(600);
    expect(perMinuteLimit({ API_RATE_LIMIT_PER_MINUTE: '50' })).toBe(50);
    expect(perMinuteLimit({ API_RATE_LIMIT_PER_MINUTE: 'lots' })).toBe(600);
  });
});

describe('budgets and aggregation', () => {
  it('spend answers null within the budget, then the seconds left in the window', () => {
    const t0 = 5_000_000;
    expect([0, 1].map((i) => spend('signin:account:a', 2, t0 + i))).toEqual([null, null]);
    expect(spend('signin:account:a', 2, t0 + 15_000)).toBe(45);
    expect(spend('signin:account:a', 2, t0 + 60_001)).toBeNull();
  });

  it('firstInWindow records the first of a flood once a minute and counts the rest', () => {
    const t0 = 9_000_000;
    const answers = Array.from({ length: 300 }, (_, i) => firstInWindow('signin:account_locked:x', t0 + i * 10));
    expect(answers.filter(Boolean)).toEqual([{ suppressed: 0 }]);
    // The next window's first occurrence carries the 299 not recorded.
    expect(firstInWindow('signin:account_locked:x', t0 + 61_000)).toEqual({ suppressed: 299 });
    expect(firstInWindow('signin:account_locked:x', t0 + 200_000)).toEqual({ suppressed: 0 });
    expect(firstInWindow('signin:account_locked:y', t0 + 10)).toEqual({ suppressed: 0 }); // another key
  });
});
