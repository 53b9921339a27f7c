// Lets other processes use an embedded PGlite this process owns: serve it over the
// PostgreSQL wire protocol on loopback (pglite-socket multiplexes connections and keeps
// each transaction on its own connection), and advertise the port in the folder's lock.
// `npm run demo` does this, so the Next server and the CLI are ordinary pg clients.
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { advertisePort } from './pglite-lock';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function servePglite(pglite: PGlite, dir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = Number(process.env.PGLITE_PORT) || (await freePort());
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 64 });
  await server.start();
  advertisePort(dir, port);
  return { port, stop: () => server.stop() };
}
