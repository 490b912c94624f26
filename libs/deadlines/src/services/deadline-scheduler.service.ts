import { Injectable } from '@nestjs/common';
import { Clock, EnqueueRequest, JobName, QueueService } from '@app/persistence';
import { reminderJobId, dueJobId } from '../utils/deadline-job-id.util';

const DAY_MS = 86_400_000;

export interface SchedulableDeadline {
  id: string;
  dueAt: Date;
  reminderOffsetsDays: number[];
  openedAt: Date;
}

/** Mirrors deadline rows into BullMQ delayed jobs. Job ids derive from the row, so scheduling twice is harmless. */
@Injectable()
export class DeadlineScheduler {
  constructor(
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  jobsFor(deadline: SchedulableDeadline): EnqueueRequest<JobName>[] {
    const now = this.clock.now().getTime();
    const due = new Date(deadline.dueAt).getTime();
    const jobs: EnqueueRequest<JobName>[] = [
      { name: JobName.DEADLINE_DUE, data: { deadlineId: deadline.id }, jobId: dueJobId(deadline.id), delayMs: due - now },
    ];
    for (const offsetDays of deadline.reminderOffsetsDays) {
      const remindAt = due - offsetDays * DAY_MS;
      // A reminder whose moment had passed before the deadline even opened is never sent; one missed since
      // (a wiped Redis, a stopped worker) is sent at once.
      if (remindAt < new Date(deadline.openedAt).getTime()) continue;
      jobs.push({
        name: JobName.DEADLINE_REMIND,
        data: { deadlineId: deadline.id, offsetDays },
        jobId: reminderJobId(deadline.id, offsetDays),
        delayMs: remindAt - now,
      });
    }
    return jobs;
  }

  async schedule(deadlines: SchedulableDeadline[]): Promise<void> {
    await this.queues.enqueueMany(deadlines.flatMap((deadline) => this.jobsFor(deadline)));
  }

  async unschedule(deadlineIds: string[], offsets: number[]): Promise<void> {
    await Promise.all(
      deadlineIds.flatMap((id) => [
        this.queues.remove(JobName.DEADLINE_DUE, dueJobId(id)),
        ...offsets.map((offset) => this.queues.remove(JobName.DEADLINE_REMIND, reminderJobId(id, offset))),
      ]),
    );
  }
}
