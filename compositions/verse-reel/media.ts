// Turns a media prop (a file under public/ or an http(s) URL) into a URL the
// composition can load.
import { staticFile } from 'remotion';

export const mediaSrc = (value: string): string => (/^(https?:|data:|blob:)/.test(value) ? value : staticFile(value));
