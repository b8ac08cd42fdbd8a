// `noor presets [--json]`: lists the named style presets and what each sets.
import { PRESETS } from '../../../compositions/presets';

export function presetsCommand(json: boolean, write: (line: string) => void): void {
  if (json) {
    write(JSON.stringify(PRESETS, null, 2));
    return;
  }
  for (const p of PRESETS) {
    write(`${p.id.padEnd(16)} ${p.name}: ${p.description}`);
    write(
      `${''.padEnd(16)} scene ${p.scene} · grain ${p.grain} · vignette ${p.vignette} · text ${p.textAnimation} · ` +
        `transition ${p.transition.type} ${p.transition.durationSec}s · music ${p.musicMood}`,
    );
  }
}
