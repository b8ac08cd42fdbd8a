// Where the apps draw their own buttons, captions and bars over a video, as
// fractions of the frame. Text stays inside the union of these for the
// platforms an aspect is posted to. Sources, checked 2026-11: Meta Business
// Help Center (Reels: keep the top 14%, bottom 35% and 6% sides clear),
// TikTok Creative Center (right-edge action rail ~11%, bottom caption band
// ~20%, top bar ~8%), YouTube Shorts (top ~10%, bottom ~25%, right rail ~12%).
// These change: re-check before relying on them.
import type React from 'react';
import type { AspectId } from './aspects';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const PLATFORM_SAFE_ZONES: Record<string, { aspect: AspectId; insets: Insets }> = {
  reels: { aspect: '9:16', insets: { top: 0.14, right: 0.06, bottom: 0.35, left: 0.06 } },
  tiktok: { aspect: '9:16', insets: { top: 0.08, right: 0.11, bottom: 0.2, left: 0.04 } },
  shorts: { aspect: '9:16', insets: { top: 0.1, right: 0.12, bottom: 0.25, left: 0.04 } },
  feedSquare: { aspect: '1:1', insets: { top: 0.06, right: 0.06, bottom: 0.06, left: 0.06 } },
  feedPortrait: { aspect: '4:5', insets: { top: 0.06, right: 0.06, bottom: 0.06, left: 0.06 } },
  youtube: { aspect: '16:9', insets: { top: 0.05, right: 0.05, bottom: 0.1, left: 0.05 } },
};

/**
 * The area text may use in an aspect: the union of every platform's insets
 * for that aspect, made symmetric left/right so centred text stays centred.
 */
export function textSafeInsets(aspect: AspectId): Insets {
  const zones = Object.values(PLATFORM_SAFE_ZONES).filter((z) => z.aspect === aspect);
  const max = (k: keyof Insets) => Math.max(0.05, ...zones.map((z) => z.insets[k]));
  const side = Math.max(max('left'), max('right'));
  return { top: max('top'), right: side, bottom: max('bottom'), left: side };
}

/** CSS for a centred text block filling the safe area (optionally from a lower `top`, 0..1 of the frame). */
export function safeAreaStyle(insets: Insets, top: number = insets.top): React.CSSProperties {
  return {
    top: `${top * 100}%`,
    bottom: `${insets.bottom * 100}%`,
    left: `${insets.left * 100}%`,
    right: `${insets.right * 100}%`,
    width: 'auto',
    height: 'auto',
    justifyContent: 'center',
    alignItems: 'center',
    textAlign: 'center',
  };
}
