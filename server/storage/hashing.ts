// sha256 of a file or of bytes as they stream past, for content-addressed keys
// and for the content_sha256 recorded with each media asset. Reads only.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** sha256 (hex) of a file's content. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** A pass-through that counts and hashes what flows through it; read `digest()` after the stream has ended. */
export function hashingStream(): { stream: Transform; digest: () => { bytes: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  let sha256: string | undefined;
  return { stream, digest: () => ({ bytes, sha256: (sha256 ??= hash.digest('hex')) }) };
}
