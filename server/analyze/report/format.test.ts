import { describe, expect, it } from 'vitest';
import { bytes, clock, esc, notMeasured, reasonFor, signed } from './format';

describe('report text helpers', () => {
  it('escapes everything that could break out of text or a quoted attribute', () => {
    expect(esc(`<img src=x onerror="a('b')"> & co`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; co');
  });

  it('formats clock times, signed grade values and sizes', () => {
    expect(clock(0)).toBe('0:00.0');
    expect(clock(3.75)).toBe('0:03.8');
    expect(clock(59.96)).toBe('1:00.0');
    expect(clock(125, 0)).toBe('2:05');
    expect(signed(0.281)).toBe('+0.28');
    expect(signed(-0.04)).toBe('\u22120.04');
    expect(signed(-0.001)).toBe('0.00');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('finds the reason for a missing part by the subject before the colon', () => {
    const warnings = ['shots: fine', 'audio: the file has no audio stream', 'color sampling: too dark'];
    expect(reasonFor(warnings, ['audio'])).toBe('the file has no audio stream');
    expect(reasonFor(warnings, ['color'])).toBe('too dark');
    expect(reasonFor(warnings, ['text'])).toBeNull();
    expect(reasonFor(['no subject here'], ['no subject here'])).toBeNull();
  });

  it('renders "not measured" with the escaped reason, or alone', () => {
    expect(notMeasured(['audio: <none> & "silent"'], ['audio'])).toContain('&lt;none&gt; &amp; &quot;silent&quot;');
    const bare = notMeasured([], ['audio']);
    expect(bare).toContain('not measured');
    expect(bare).not.toContain('missing-reason');
  });
});
