// The FILE_UPLOAD chunk plan for TikTok's Content Posting API: how a video of a
// given size is cut into the chunks video/init announces and the PUTs send.
// TikTok's rules (Media Transfer Guide): chunks of 5–64 MB, the last one up to
// 128 MB because it absorbs the remainder; a file under 5 MB goes up whole;
// 1–1000 chunks; total_chunk_count = floor(video_size / chunk_size). TikTok's
// own example counts decimal megabytes, so the bounds here hold under either
// reading (5 MiB ≥ 5 MB, 64 MB < 64 MiB). A pure function: no I/O.

/** The smallest chunk size Noor accepts: 5 MiB, which is at least 5 MB however TikTok counts. */
export const MIN_CHUNK_BYTES = 5 * 1024 * 1024;
/** The largest chunk size Noor accepts: 64,000,000 bytes, at most 64 MB however TikTok counts. */
export const MAX_CHUNK_BYTES = 64_000_000;
/** The last chunk may be larger than chunk_size, up to this. */
export const MAX_FINAL_CHUNK_BYTES = 128_000_000;
export const MAX_CHUNKS = 1000;

export interface Chunk {
  /** Offset of the chunk's first byte. */
  first: number;
  /** Offset of its last byte (inclusive, as in Content-Range). */
  last: number;
}

export interface ChunkPlan {
  videoSize: number;
  /** What video/init announces as chunk_size. */
  chunkSize: number;
  /** What video/init announces as total_chunk_count; always chunks.length. */
  totalChunkCount: number;
  chunks: Chunk[];
}

/**
 * Cuts a video of `videoSize` bytes into chunks of `chunkBytes` (MIN_CHUNK_BYTES..MAX_CHUNK_BYTES);
 * the last chunk takes the remainder. A file no larger than one chunk goes up whole.
 * Throws a RangeError naming the rule a size breaks.
 */
export function planChunks(videoSize: number, chunkBytes: number): ChunkPlan {
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunk size ${chunkBytes} is outside TikTok's ${MIN_CHUNK_BYTES}–${MAX_CHUNK_BYTES} bytes`);
  }
  if (!Number.isSafeInteger(videoSize) || videoSize <= 0) throw new RangeError(`video size ${videoSize} must be a positive number of bytes`);
  const chunkSize = Math.min(videoSize, chunkBytes);
  const totalChunkCount = Math.floor(videoSize / chunkSize);
  if (totalChunkCount > MAX_CHUNKS) {
    throw new RangeError(`${videoSize} bytes in chunks of ${chunkSize} makes ${totalChunkCount} chunks; TikTok takes at most ${MAX_CHUNKS}`);
  }
  const chunks = Array.from({ length: totalChunkCount }, (_, index): Chunk => {
    const first = index * chunkSize;
    return { first, last: index === totalChunkCount - 1 ? videoSize - 1 : first + chunkSize - 1 };
  });
  return { videoSize, chunkSize, totalChunkCount, chunks };
}
