import { Injectable } from '@nestjs/common';

/**
 * The one source of "now". Tests swap in ManualClock to move through months without waiting; a demo may run it
 * ahead by CLOCK_OFFSET_DAYS (provided by PersistenceModule, which builds it from the config).
 */
@Injectable()
export class Clock {
  constructor(private readonly offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** A clock that only moves when told to; shared by the api and worker in end-to-end tests. */
export class ManualClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  override now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
