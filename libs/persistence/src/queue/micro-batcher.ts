interface PendingCall<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for job handlers: calls that arrive while batches are running wait and go together in the next one,
 * so a worker running N jobs at once makes one round of queries for several of them instead of one round each. A
 * batcher with a free slot runs a call at once, so nothing waits on a timer.
 *
 * `run` answers each input of the batch in order. When a whole batch throws, each of its inputs is run again on its
 * own, so one row that cannot be handled fails its own job only.
 */
export class MicroBatcher<I, O> {
  private readonly waiting: Array<PendingCall<I, O>> = [];
  private inFlight = 0;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: { maxBatch: number; maxInFlight: number } = { maxBatch: 64, maxInFlight: 2 },
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    this.inFlight++;
    void this.runBatch(this.waiting.splice(0, this.options.maxBatch)).finally(() => {
      this.inFlight--;
      this.startNext();
    });
  }

  private async runBatch(batch: Array<PendingCall<I, O>>): Promise<void> {
    try {
      const outputs = await this.run(batch.map((call) => call.input));
      batch.forEach((call, index) => call.resolve(outputs[index]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const call of batch) {
        await this.run([call.input]).then(([output]) => call.resolve(output), call.reject);
      }
    }
  }
}
