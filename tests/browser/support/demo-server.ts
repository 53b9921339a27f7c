// Runs the product the way `npm run demo` does, on a fresh embedded database in a temp
// folder, and waits for /api/health. Also starts `next start` against any database, for
// the page benchmark.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
  url: string;
  /** What the server printed, for diagnosing a failure. */
  log: () => string;
  stop: () => Promise<void>;
}

export interface DemoServer extends RunningServer {
  password: string;
  dataDir: string;
  /** username → TOTP secret of the seeded accounts that need a code. */
  totp: Record<string, string>;
}

/** The TOTP secrets in a seeded demo-accounts file (`totp <username> <otpauth URI>` lines). */
export async function demoTotpSecrets(file: string): Promise<Record<string, string>> {
  const { TOTP_LINE } = await import('../../../scripts/commands/seed.ts');
  const { secretFromUri } = await import('../../../lib/auth/totp.ts');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const secrets: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = TOTP_LINE.exec(line);
    if (m) secrets[m[1]] = secretFromUri(m[2]);
  }
  return secrets;
}

export const TEST_AUTH_SECRET = 'sharescore-browser-tests-secret-0123456789abcdef';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `next start` (the existing build) on a free loopback port, waiting until /api/health answers. */
export async function startNext(env: NodeJS.ProcessEnv, timeoutMs = 120_000, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // node itself, not the .bin shim, so node flags (e.g. --cpu-prof) can be passed.
  const server = spawn(process.execPath, [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: TEST_AUTH_SECRET, ...env, PORT: String(port), NEXTAUTH_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends it with its children
  });
  const output: string[] = [];
  server.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  server.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const stop = async () => {
    if (server.exitCode !== null || !server.pid) return;
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}\n${output.join('').slice(-4000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${url}/api/health did not answer within ${timeoutMs / 1000} s\n${output.join('').slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, log: () => output.join(''), stop };
}

/** `npm run cli -- seed` writes the accounts to .data/demo-accounts.txt: keep the developer's copy. */
async function preservingAccountsFile<T>(fn: (file: string) => Promise<T>): Promise<T> {
  const file = path.resolve('.data/demo-accounts.txt');
  const saved = fs.existsSync(file) ? fs.readFileSync(file) : null;
  try {
    return await fn(file);
  } finally {
    if (saved) fs.writeFileSync(file, saved, { mode: 0o600 });
    else fs.rmSync(file, { force: true });
  }
}

/**
 * Seeds a fresh embedded database with the CLI, then serves it the way scripts/demo.mts
 * does: this process owns the PGlite folder and shares it over pglite-socket, and
 * `next start` (the existing build) is its client. demo.mts itself is not spawned because
 * it rebuilds whenever a source file is newer than the build.
 */
export async function startDemoServer(options: { departments: number; months: number; log: (line: string) => void }): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharescore-browser-'));
  const pgliteDir = path.join(dataDir, 'pglite');
  const password = 'Browser-Test-2026!';
  // The server's AUTH_SECRET for the seed too: it seals the second factors with a key derived from it.
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: pgliteDir, DEMO_PASSWORD: password, NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET: TEST_AUTH_SECRET };
  delete env.DATABASE_URL;
  delete env.DB_DRIVER;
  delete env.POSTGRES_URL;

  options.log(`seeding ${options.departments} departments × ${options.months} months into ${dataDir}`);
  const { seeded, totp } = await preservingAccountsFile(async (file) => {
    const seeded = spawnSync('node_modules/.bin/tsx', ['scripts/cli.mts', 'seed', '--demo', '--departments', String(options.departments), '--months', String(options.months)], {
      env,
      encoding: 'utf8',
    });
    return { seeded, totp: await demoTotpSecrets(file) };
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr || seeded.stdout}`);

  const { openDatabase } = await import('../../../db/client.ts');
  const { servePglite } = await import('../../../db/serve.ts');
  const database = (await openDatabase({ driver: 'pglite', dir: pgliteDir })) as Awaited<ReturnType<typeof openDatabase>> & { pglite: import('@electric-sql/pglite').PGlite };
  const socket = await servePglite(database.pglite, pgliteDir);

  const release = async () => {
    await socket.stop();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let server: RunningServer;
  try {
    server = await startNext(env);
  } catch (err) {
    await release();
    throw err;
  }
  options.log(`serving on ${server.url}`);
  return {
    ...server,
    password,
    dataDir,
    totp,
    stop: async () => {
      await server.stop();
      await release();
    },
  };
}
