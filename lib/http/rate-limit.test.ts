import { beforeEach, describe, expect, it } from 'vitest';
import { perMinuteLimit, resetRateLimits, takeRequest } from './rate-limit';
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
    const res = errorResponse(error);
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
