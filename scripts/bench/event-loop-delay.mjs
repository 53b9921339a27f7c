// Preload for `next start` (NODE_OPTIONS="--import ./scripts/bench/event-loop-delay.mjs"): the
// server's own event-loop delay, one line a second to $ELD_DIR/eld-$ELD_LABEL-<pid>.log (epoch ms,
// the longest delay and the p99 over that second, ms), so a benchmark can tell a blocked event
// loop from requests waiting for a core. Other processes that inherit NODE_OPTIONS are left alone.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.argv.includes('start')) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const file = `${process.env.ELD_DIR || '.data'}/eld-${process.env.ELD_LABEL || 'server'}-${process.pid}.log`;
  setInterval(() => {
    appendFileSync(file, `${Date.now()} ${(histogram.max / 1e6).toFixed(1)} ${(histogram.percentile(99) / 1e6).toFixed(1)}\n`);
    histogram.reset();
  }, 1000).unref();
}
