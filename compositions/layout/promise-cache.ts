// Caches async preparations by key, so calculateMetadata and every frame of a
// composition share one run; a failed run is forgotten so a fix can retry.
export function promiseCache<T>(): (key: string, make: () => Promise<T>) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key, make) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = make();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
}
