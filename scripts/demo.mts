// `npm run demo`: the whole product on the embedded database in one command.
// migrate → seed the demo province if empty → build if needed → serve on :3000.
// This process owns the PGlite folder and serves it on loopback, so `next start`
// and any `npm run cli -- …` run meanwhile are clients of it (see README).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getDatabase, closeDatabase } from '../db/client.ts';
import { resolveDbConfig } from '../db/config.ts';
import { servePglite } from '../db/serve.ts';
import QRCode from 'qrcode';
import { needsBuild } from './build-stamp.ts';
import seed, { accountsFileFor, TOTP_LINE } from './commands/seed.ts';

const port = Number(process.env.PORT) || 3000;
const dataDir = path.resolve('.data');
const log = (msg: string) => process.stdout.write(`[demo] ${msg}\n`);
const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

// The seed seals the demo accounts' second factors with a key derived from it: the same one the server gets.
process.env.AUTH_SECRET = authSecret();
const config = resolveDbConfig();
log(`database: ${config.driver}${config.driver === 'pglite' ? ` in ${path.relative(process.cwd(), config.dir ?? ':memory:')}` : ''}`);
await seed.run(['--demo', '--if-empty']);
log(`database migrated and seeded (${elapsed()})`);

let stopSocket: (() => Promise<void>) | undefined;
if (config.driver === 'pglite' && config.dir) {
  const database = (await getDatabase()) as Awaited<ReturnType<typeof getDatabase>> & { pglite?: import('@electric-sql/pglite').PGlite };
  if (database.pglite) {
    const served = await servePglite(database.pglite, config.dir);
    stopSocket = served.stop;
    log(`embedded database shared on 127.0.0.1:${served.port} for the server and the CLI`);
  }
}

const env = { ...process.env, AUTH_SECRET: authSecret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}` };
if (needsBuild()) {
  log('building the app (first run only; about a minute) …');
  const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env });
  if (build.status !== 0) {
    log('build failed');
    process.exit(1);
  }
  log(`built (${elapsed()})`);
}

const server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], { stdio: ['ignore', 'inherit', 'inherit'], env });

/** The password and the role accounts; the per-department ones stay in the file. */
function summarizeAccounts(text: string, file: string): string {
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#') && !TOTP_LINE.test(l));
  const roles = lines.filter((l) => /^(password:|admin |leader |assessor |auditor |security |department )/.test(l));
  const perDepartment = lines.length - roles.length;
  return [...roles, `… and ${perDepartment} department accounts (username = lower-case department code), all in ${path.relative(process.cwd(), file)}`].join('\n');
}

/** Each second factor in the accounts file: its otpauth:// URI and a QR code to scan from the terminal. */
async function describeFactors(text: string): Promise<string> {
  const factors = text.split('\n').map((l) => TOTP_LINE.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  if (!factors.length) return '';
  const parts = ['\nThese accounts also need a 6-digit code (two-step verification): scan a QR code with an authenticator app, or add its otpauth:// URI.'];
  for (const [, username, uri] of factors) {
    parts.push(`\n${username}: ${uri}`, await QRCode.toString(uri, { type: 'terminal', small: true }));
  }
  return parts.join('\n');
}

async function waitForHealth(): Promise<boolean> {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await stopSocket?.();
  await closeDatabase();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => void stop(code ?? 1));

if (await waitForHealth()) {
  const accounts = accountsFileFor(config);
  log(`ready in ${elapsed()}: http://localhost:${port}`);
  if (fs.existsSync(accounts)) {
    const text = fs.readFileSync(accounts, 'utf8');
    process.stdout.write('\n' + summarizeAccounts(text, accounts) + '\n' + (await describeFactors(text)) + '\n');
  }
  log('press Ctrl+C to stop');
} else {
  log('the server did not become healthy in 60 s');
  await stop(1);
}
