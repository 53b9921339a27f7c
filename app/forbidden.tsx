import { ForbiddenNotice } from '@/components/auth/forbidden-notice';

// Rendered with HTTP 403 when a page guard calls forbidden().
export default function Forbidden() {
  return <ForbiddenNotice />;
}
