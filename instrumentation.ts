// Runs once when the server starts: a production server with a missing or weak AUTH_SECRET
// refuses to start (lib/auth/secret.ts) instead of signing sessions with a guessable key.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { authSecret } = await import('./lib/auth/secret');
  authSecret();
}
