// Text helpers for the style report: HTML escaping (every string from a
// profile or a file name goes through `esc`), number and time formatting, and
// the "not measured" note that quotes the analyser's reason from `warnings`.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A number with `digits` decimals, or an em dash for a non-finite value. */
export const num = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

/** A signed number (+0.12 / −0.12) for grade values. */
export const signed = (value: number, digits = 2): string => {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${value > 0 ? '+' : '\u2212'}${text}`;
};

/** A time position as m:ss.s (e.g. 1:04.5). */
export const clock = (sec: number, decimals = 1): string => {
  const safe = Math.max(0, Number.isFinite(sec) ? sec : 0);
  const scale = 10 ** decimals;
  const rounded = Math.round(safe * scale) / scale;
  const minutes = Math.floor(rounded / 60);
  const rest = rounded - minutes * 60;
  const seconds = rest.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return `${minutes}:${seconds}`;
};

/** A duration in seconds (e.g. 2.4 s). */
export const secs = (sec: number, digits = 1): string => `${num(sec, digits)} s`;

/** A 0..1 value as a percentage. */
export const pct = (unit: number, digits = 0): string => `${num(unit * 100, digits)}%`;

/** A byte count as KB/MB/GB. */
export const bytes = (count: number): string => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
};

/** The reason a part was not measured: the first warning whose subject (before ':') is one of `subjects`. */
export function reasonFor(warnings: readonly string[], subjects: readonly string[]): string | null {
  for (const warning of warnings) {
    const colon = warning.indexOf(':');
    if (colon <= 0) continue;
    const subject = warning.slice(0, colon).trim().toLowerCase();
    if (subjects.some((s) => subject === s || subject.startsWith(`${s} `) || subject.startsWith(`${s}.`))) {
      return warning.slice(colon + 1).trim();
    }
  }
  return null;
}

/** An escaped "not measured" note with the analyser's reason when `warnings` has one. */
export function notMeasured(warnings: readonly string[], subjects: readonly string[]): string {
  const reason = reasonFor(warnings, subjects);
  return `<p class="missing"><span class="missing-label">not measured</span>${reason ? `<span class="missing-reason">${esc(reason)}</span>` : ''}</p>`;
}
