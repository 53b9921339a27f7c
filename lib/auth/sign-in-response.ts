// Sign-in requests go through next-auth, which answers a refused credentials sign-in with
// its own redirect to /login?error=… (a form post) or `{ url }` JSON with status 401 (the
// login page's signIn() call). When the refusal is `throttled`, this turns that answer into
// ours: the JSON one becomes 429 with Retry-After, the redirect keeps its 302 (a browser
// would not follow a 429) and gains Retry-After. authorize() reports the wait through an
// AsyncLocalStorage scoped to the one request.
import { AsyncLocalStorage } from 'node:async_hooks';

interface SignInRequestState {
  retryAfter?: number;
}

const requestState = new AsyncLocalStorage<SignInRequestState>();

/** Called by authorize(): this request was throttled; the client may retry after `seconds`. */
export function noteRetryAfter(seconds: number | undefined): void {
  const state = requestState.getStore();
  if (state && seconds) state.retryAfter = seconds;
}

/** Runs next-auth's handler for one request and answers a throttled sign-in with 429 and Retry-After. */
export async function answerSignIn(handle: () => Promise<Response>): Promise<Response> {
  const state: SignInRequestState = {};
  const response = await requestState.run(state, handle);
  if (state.retryAfter === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set('Retry-After', String(state.retryAfter));
  const json = headers.get('content-type')?.includes('application/json') ?? false;
  return new Response(response.body, { status: json ? 429 : response.status, headers });
}
