const tails = new Map<string, Promise<unknown>>();

/**
 * Run `work` after every earlier call with the same key has settled: deliveries for one
 * request or one service (an edit arriving while the issue is provisioned, a build finishing
 * while its predecessor deploys) are handled one at a time in this process. Across replicas the ref update itself is the lock: a lost race answers 422
 * and the work is re-read and redone, and the ancestry check keeps that safe.
 */
export async function withKeyLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const current = previous.then(work, work);
  const tail = current.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await current;
  } finally {
    // Forget the key once nobody queued behind us, so the map does not grow with services.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
