// Combines concurrent calls into one statement. A call made while no
// statement runs goes at once; calls made while one runs wait, and go
// together in the next one. Under load a statement then serves many calls
// (publishing 32 targets at once sends a few statements, not 32), and alone a
// call waits for nothing. A combined statement that fails is run again call
// by call, so one bad item fails alone and the others go through.
export function combined<I, O>(run: (items: I[]) => Promise<O[]>): (item: I) => Promise<O> {
  let waiting: { item: I; resolve: (result: O) => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  const runAlone = (call: (typeof waiting)[number]) =>
    run([call.item]).then(([result]) => call.resolve(result as O), call.reject);

  const next = (): void => {
    if (running || waiting.length === 0) return;
    const calls = waiting;
    waiting = [];
    running = true;
    run(calls.map((call) => call.item))
      .then(
        (results): unknown => calls.forEach((call, i) => call.resolve(results[i] as O)),
        (error: unknown): unknown => (calls.length === 1 ? calls[0]!.reject(error) : Promise.all(calls.map(runAlone))),
      )
      .finally(() => {
        running = false;
        next();
      });
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      next();
    });
}
