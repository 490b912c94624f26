import { SetMetadata } from '@nestjs/common';
import { JobName } from './queue.constants';

export const ON_JOB_METADATA = 'jianyi:on-job';

/** Marks the one method that handles a job; the worker discovers these at boot. */
export const OnJob = (name: JobName): MethodDecorator => SetMetadata(ON_JOB_METADATA, name);
