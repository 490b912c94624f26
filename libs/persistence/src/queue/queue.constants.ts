export enum QueueName {
  DEADLINES = 'deadlines',
  NOTIFICATIONS = 'notifications',
  MAINTENANCE = 'maintenance',
}

export enum JobName {
  DEADLINE_DUE = 'deadline-due',
  DEADLINE_REMIND = 'deadline-remind',
  DELIVER_OUTBOX = 'deliver-outbox',
  RECONCILE = 'reconcile',
  SEND_NOTIFICATION = 'send-notification',
  SWEEP_NOTIFICATIONS = 'sweep-notifications',
}

/** Which queue each job travels on; the worker refuses to boot if a job has no handler or two. */
export const JOB_QUEUES: Record<JobName, QueueName> = {
  [JobName.DEADLINE_DUE]: QueueName.DEADLINES,
  [JobName.DEADLINE_REMIND]: QueueName.DEADLINES,
  [JobName.DELIVER_OUTBOX]: QueueName.NOTIFICATIONS,
  [JobName.RECONCILE]: QueueName.MAINTENANCE,
  [JobName.SEND_NOTIFICATION]: QueueName.NOTIFICATIONS,
  [JobName.SWEEP_NOTIFICATIONS]: QueueName.MAINTENANCE,
};

/** Jobs the worker schedules for itself, every RECONCILE_INTERVAL_MS. */
export const PERIODIC_JOBS: JobName[] = [JobName.RECONCILE, JobName.SWEEP_NOTIFICATIONS];

export interface JobPayloads {
  [JobName.DEADLINE_DUE]: { deadlineId: string };
  [JobName.DEADLINE_REMIND]: { deadlineId: string; offsetDays: number };
  [JobName.DELIVER_OUTBOX]: { outboxId: string };
  [JobName.RECONCILE]: Record<string, never>;
  [JobName.SEND_NOTIFICATION]: { deliveryId: string };
  [JobName.SWEEP_NOTIFICATIONS]: Record<string, never>;
}

export enum JobOutcome {
  DONE = 'DONE',
  /** The row moved on (closed, already fired): nothing to do, by design. */
  SKIPPED = 'SKIPPED',
}
