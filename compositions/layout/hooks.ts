// Two render-safety hooks: usePrepared holds the render (delayRender) until an
// async preparation resolves and fails it (cancelRender) if it rejects;
// useOverflowGuard checks drawn blocks after layout and fails the render with
// a TextLayoutError naming the prop, so clipped text can never ship.
// Shared by every template that prepares text before drawing it.
import { useEffect, useLayoutEffect, useState, type DependencyList, type RefObject } from 'react';
import { cancelRender, continueRender, delayRender } from 'remotion';
import { TextLayoutError } from './paginate';

export function usePrepared<T>(label: string, load: () => Promise<T>, deps: DependencyList): T | null {
  const [prepared, setPrepared] = useState<T | null>(null);
  const [handle] = useState(() => delayRender(label));
  useEffect(() => {
    let live = true;
    load()
      .then((result) => {
        if (!live) return;
        setPrepared(result);
        continueRender(handle);
      })
      .catch((error: unknown) => cancelRender(error));
    return () => {
      live = false;
    };
    // `load` is a new closure every render; `deps` are its inputs.
  }, [...deps, handle]);
  return prepared;
}

export interface OverflowCheck {
  ref: RefObject<HTMLElement | null>;
  /** the prop to name in the error */
  field: string;
  /** what the block is, for the message: "page 2 text" */
  what: string;
  maxHeight: number;
}

/** After every layout, fails the render if any block is taller than allowed or wider than its box. */
export function useOverflowGuard(checks: readonly OverflowCheck[]): void {
  useLayoutEffect(() => {
    for (const { ref, field, what, maxHeight } of checks) {
      const el = ref.current;
      if (!el) continue;
      const tall = el.offsetHeight > maxHeight + 2;
      const wide = el.scrollWidth > el.clientWidth + 2;
      if (tall || wide) {
        const detail = tall
          ? `${el.offsetHeight}px tall for ${Math.round(maxHeight)}px allowed`
          : `${el.scrollWidth}px wide for ${el.clientWidth}px allowed`;
        cancelRender(new TextLayoutError(field, `the ${what} overflows its box (${detail}); shorten it`));
        return;
      }
    }
  });
}
