// next-auth's endpoints (sign-in, callback, session, csrf, sign-out), public by design.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { answerSignIn } from '@/lib/auth/sign-in-response';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (not at import) so `next build` needs no AUTH_SECRET.
async function handler(request: Request, context: Context): Promise<Response> {
  return answerSignIn(() => NextAuth(getAuthOptions())(request, context));
}

export { handler as GET, handler as POST };
