// BEGIN … COMMIT on one pooled connection, ROLLBACK on any error, and the connection
// always returned: shared by the node-postgres and Vercel drivers.
interface PooledConnection {
  query(text: string): Promise<unknown>;
  release(destroy?: Error | boolean): void;
}

export async function inTransaction<C extends PooledConnection, T>(connect: () => Promise<C>, fn: (client: C) => Promise<T>): Promise<T> {
  const client = await connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection that cannot even roll back is not handed to the next caller.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw err;
  } finally {
    client.release(broken);
  }
}
