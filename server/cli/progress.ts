// A render progress bar on stderr: redrawn in place on a terminal, one line
// per 10% elsewhere (CI logs).
export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

const fmtSeconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`);

/** `frames`: show done/total frames, speed and ETA; otherwise just the percentage. */
export function progressBar(label: string, frames = true, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const started = performance.now();
  const tty = stream.isTTY === true;
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done, total) {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const elapsed = (performance.now() - started) / 1000;
      const fps = elapsed > 0 ? done / elapsed : 0;
      const eta = fps > 0 ? (total - done) / fps : 0;
      const width = 28;
      const filled = Math.round(fraction * width);
      const bar = `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`;
      const line = frames ? `${bar}  ${done}/${total} frames  ${fps.toFixed(1)} fps  ETA ${fmtSeconds(eta)}` : bar;
      if (tty) {
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          stream.write(`${line}\n`);
        }
      }
    },
    finish() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
