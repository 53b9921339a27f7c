// Runs once when the server starts: a production server with a missing or weak AUTH_SECRET
// refuses to start (lib/config/secret.ts) instead of signing sessions with a guessable key.
// Next.js only logs an error thrown here and keeps serving, so the process exits itself.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { authSecret } = await import('./lib/config/secret');
  try {
    authSecret();
  } catch (err) {
    console.error(`sharescore cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
}
