// A WebSocket-to-TCP proxy, so @vercel/postgres (Neon's WebSocket driver) can reach the
// local PostgreSQL in tests. Loopback only: it forwards nowhere else.
import net from 'node:net';
import { WebSocketServer } from 'ws';

export async function startWsProxy(target = { host: '127.0.0.1', port: 5432 }): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (ws) => {
    const socket = net.connect(target.port, target.host);
    socket.on('data', (chunk) => ws.send(chunk));
    socket.on('close', () => ws.close());
    socket.on('error', () => ws.close());
    ws.on('message', (data) => socket.write(data as Buffer));
    ws.on('close', () => socket.destroy());
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
