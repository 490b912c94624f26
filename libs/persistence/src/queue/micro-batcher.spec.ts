import { MicroBatcher } from './micro-batcher';

/** A run whose batches the test releases one at a time, recording what each batch held. */
function gatedRun() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (inputs: number[]) => {
    batches.push(inputs);
    await new Promise<void>((resolve) => gates.push(resolve));
    return inputs.map((n) => n * 10);
  };
  return { batches, run, releaseAll: () => gates.splice(0).forEach((open) => open()) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(MicroBatcher.name, () => {
  it('runs a lone call at once, then groups the calls that arrive while slots are busy', async () => {
    const { batches, run, releaseAll } = gatedRun();
    const batcher = new MicroBatcher(run, { maxBatch: 10, maxInFlight: 1 });
    const first = batcher.submit(1);
    const rest = [2, 3, 4].map((n) => batcher.submit(n));
    await tick();
    expect(batches).toEqual([[1]]);
    releaseAll();
    expect(await first).toBe(10);
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    releaseAll();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('keeps batches to maxBatch and runs up to maxInFlight of them side by side', async () => {
    const { batches, run, releaseAll } = gatedRun();
    const batcher = new MicroBatcher(run, { maxBatch: 2, maxInFlight: 2 });
    const results = [1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    await tick();
    expect(batches).toEqual([[1], [2]]);
    releaseAll();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4], [5]]);
    releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
  });

  it('retries a failed batch call by call, so only the bad input fails', async () => {
    const seen: number[][] = [];
    const batcher = new MicroBatcher(async (inputs: number[]) => {
      seen.push(inputs);
      if (inputs.includes(3)) throw new Error('row 3 cannot be handled');
      return inputs.map((n) => n + 1);
    }, { maxBatch: 10, maxInFlight: 1 });
    const first = batcher.submit(1);
    const results = [2, 3, 4].map((n) => batcher.submit(n).catch((error: Error) => error.message));
    expect(await first).toBe(2);
    expect(await Promise.all(results)).toEqual([3, 'row 3 cannot be handled', 5]);
    expect(seen).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
