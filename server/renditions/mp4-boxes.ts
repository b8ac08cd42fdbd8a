// Reads the top-level box types of an MP4 (ftyp, moov, mdat…) from their headers
// only, to check "faststart": the moov index before the media data, so players
// and platform ingest can start before the whole file has arrived.
import { open } from 'node:fs/promises';

export async function topLevelBoxes(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    const boxes: string[] = [];
    let offset = 0;
    while (offset + 8 <= size) {
      await handle.read(header, 0, 16, offset);
      const small = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      const boxSize = small === 1 ? Number(header.readBigUInt64BE(8)) : small === 0 ? size - offset : small;
      if (boxSize < 8) throw new Error(`${file}: malformed MP4 box "${type}" at byte ${offset}`);
      boxes.push(type);
      offset += boxSize;
    }
    return boxes;
  } finally {
    await handle.close();
  }
}

/** True when the moov box comes before the first mdat box. */
export async function isFaststart(file: string): Promise<boolean> {
  const boxes = await topLevelBoxes(file);
  const moov = boxes.indexOf('moov');
  const mdat = boxes.indexOf('mdat');
  return moov >= 0 && (mdat < 0 || moov < mdat);
}
