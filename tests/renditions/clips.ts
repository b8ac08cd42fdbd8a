// Source clips for the rendition tests, made with ffmpeg and cached in the temp
// dir by their arguments (tests/analysis/clips.ts makeClip): moving test
// pictures with quiet, real-world-level sound (a tone over pink noise, well
// below −14 LUFS so normalisation has work to do), 3 s long.
import { H264, makeClip } from '../analysis/clips';

const sound = (sec: number, seed: number) => [
  '-f', 'lavfi', '-i', `sine=f=${220 + seed * 110}:d=${sec},volume=-26dB`,
  '-f', 'lavfi', '-i', `anoisesrc=c=pink:a=0.02:d=${sec}:seed=${seed + 1}`,
];
const mixSound = ['-filter_complex', '[1:a][2:a]amix=inputs=2:normalize=0[a]', '-map', '0:v', '-map', '[a]', '-c:a', 'aac', '-ar', '44100'];

/** A video with sound; `seed` varies the picture and tone so two clips never have the same bytes. */
export function clipWithSound(name: string, width: number, height: number, fps: number, seed = 0, sec = 3): Promise<string> {
  return makeClip(name, ['-f', 'lavfi', '-i', `testsrc2=s=${width}x${height}:r=${fps}:d=${sec},hue=h=${seed * 40}`, ...sound(sec, seed), ...mixSound, ...H264]);
}

/** A video without an audio stream. */
export function silentClip(name: string, width: number, height: number, fps: number, sec = 3): Promise<string> {
  return makeClip(name, ['-f', 'lavfi', '-i', `testsrc2=s=${width}x${height}:r=${fps}:d=${sec}`, ...H264]);
}
