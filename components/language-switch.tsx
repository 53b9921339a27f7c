'use client';
import { useRouter } from 'next/navigation';

/** Toggles the `lang` cookie between zh-CN and en and re-renders the page. */
export function LanguageSwitch({ label }: { label: string }) {
  const router = useRouter();
  function toggle() {
    const current = document.cookie.match(/(?:^|; )lang=([^;]*)/)?.[1];
    const next = current === 'en' ? 'zh-CN' : 'en';
    document.cookie = `lang=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }
  return (
    <button type="button" className="lang-switch" onClick={toggle} data-testid="language-switch">
      {label}
    </button>
  );
}
