// A progress bar on stderr for long CLI work (cli-progress), silent when not a TTY
// so logs and CI output stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressBar(label: string, unit = ''): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}${unit} {rate}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  return {
    update(done, total) {
      if (!begun) {
        bar.start(total, 0, { rate: '' });
        begun = true;
      }
      bar.setTotal(total);
      const perSecond = done / Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(done, { rate: `${Math.round(perSecond)}/s` });
    },
    stop: () => begun && bar.stop(),
  };
}
