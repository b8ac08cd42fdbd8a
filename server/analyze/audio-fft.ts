// A small in-place radix-2 FFT for the audio analysers (spectra, onset
// envelopes, autocorrelation). Pure TypeScript, no native code; the twiddle
// factors and bit-reversal table of each size are computed once and cached.

interface FftPlan {
  cos: Float64Array;
  sin: Float64Array;
  reverse: Uint32Array;
}

const plans = new Map<number, FftPlan>();

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** The smallest power of two ≥ n. */
export const nextPowerOfTwo = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

function plan(n: number): FftPlan {
  let p = plans.get(n);
  if (p) return p;
  if (!isPowerOfTwo(n)) throw new Error(`FFT size must be a power of two, got ${n}`);
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let i = 0; i < half; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = -Math.sin((2 * Math.PI * i) / n);
  }
  const bits = Math.log2(n);
  const reverse = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    reverse[i] = r;
  }
  p = { cos, sin, reverse };
  plans.set(n, p);
  return p;
}

/** Forward FFT of (re, im) in place; both arrays have the same power-of-two length. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (im.length !== n) throw new Error('FFT: real and imaginary parts differ in length');
  const { cos, sin, reverse } = plan(n);
  for (let i = 0; i < n; i++) {
    const j = reverse[i]!;
    if (j > i) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sin[k * step]!;
        const a = start + k;
        const b = a + half;
        const xr = re[b]! * wr - im[b]! * wi;
        const xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
      }
    }
  }
}

/**
 * Autocorrelation of x for lags 0..maxLag (unnormalised, biased: sum over
 * the overlap), via FFT with zero padding so it is linear, not circular.
 */
export function autocorrelate(x: ArrayLike<number>, maxLag: number): Float64Array {
  const n = nextPowerOfTwo(2 * x.length);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let i = 0; i < x.length; i++) re[i] = x[i]!;
  fft(re, im);
  for (let i = 0; i < n; i++) {
    re[i] = re[i]! * re[i]! + im[i]! * im[i]!;
    im[i] = 0;
  }
  // The inverse of a real, even spectrum is the forward transform divided by n.
  fft(re, im);
  const lags = Math.min(maxLag, x.length - 1);
  const out = new Float64Array(lags + 1);
  for (let i = 0; i <= lags; i++) out[i] = re[i]! / n;
  return out;
}
