'use client';
import { useSyncExternalStore, type ReactNode } from 'react';

const subscribe = () => () => undefined;

/**
 * Renders a chart only in the browser. Recharts draws nothing useful on the server (it needs
 * the container's size) but still builds its store there, so the server sends a box of the
 * chart's height instead: no layout shift, and less work per request.
 */
export function ClientOnly({ height, children }: { height: number; children: ReactNode }) {
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return mounted ? <>{children}</> : <ChartBox height={height} />;
}

/** The empty box a chart takes until it is drawn. */
export function ChartBox({ height }: { height: number }) {
  return <div className="chart-placeholder" style={{ height }} aria-hidden="true" />;
}
