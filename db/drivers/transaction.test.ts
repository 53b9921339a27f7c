import { describe, expect, it, vi } from 'vitest';
import { inTransaction } from './transaction';

function fakeConnection(failOn: string[] = []) {
  const sent: string[] = [];
  return {
    sent,
    query: vi.fn(async (text: string) => {
      sent.push(text);
      if (failOn.includes(text)) throw new Error(`${text} failed`);
    }),
    release: vi.fn(),
  };
}

describe('inTransaction', () => {
  it('commits and returns the connection to the pool', async () => {
    const conn = fakeConnection();
    await expect(inTransaction(async () => conn, async () => 42)).resolves.toBe(42);
    expect(conn.sent).toEqual(['BEGIN', 'COMMIT']);
    expect(conn.release).toHaveBeenCalledWith(undefined);
  });

  it('rolls back on error and still returns a healthy connection', async () => {
    const conn = fakeConnection();
    await expect(inTransaction(async () => conn, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(conn.sent).toEqual(['BEGIN', 'ROLLBACK']);
    expect(conn.release).toHaveBeenCalledWith(undefined);
  });

  it('destroys a connection that cannot roll back, keeping the first error', async () => {
    const conn = fakeConnection(['ROLLBACK']);
    await expect(inTransaction(async () => conn, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(conn.release).toHaveBeenCalledWith(expect.objectContaining({ message: 'ROLLBACK failed' }));
  });
});
