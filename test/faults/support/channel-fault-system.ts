import { seedDirectory, SeededDirectory } from '../../../scripts/demo/seed-directory';
import { endOpenDeadlines } from '../../support/suggestion-fixtures';
import { startTestSystem, TestSystem } from '../../support/test-system';
import { channelEnv, enableDeputyChannels, ProviderStandIns, spawnApp, startProviderStandIns, stopChild, workerEnv } from './fault-fixtures';

export interface ChannelFaultSystem extends ProviderStandIns {
  /** In this process: writes and enqueues only; the jobs run in the api and worker processes it spawns. */
  system: TestSystem;
  directory: SeededDirectory;
  /** The real api or worker as a process of its own, on this system's database and queues, with the channels on. */
  spawn: (app: 'api' | 'worker', env?: Record<string, string>) => Promise<ReturnType<typeof spawnApp>>;
  close: () => Promise<void>;
}

/** A jurisdiction whose deputies all chose e-mail and SMS, with local stand-ins of both providers answering after `providerDelayMs`. */
export async function startChannelFaultSystem(
  { code, name, deputies, providerDelayMs }: { code: string; name: string; deputies: number; providerDelayMs: number },
): Promise<ChannelFaultSystem> {
  const { smtp, sms } = await startProviderStandIns(providerDelayMs);
  const system = await startTestSystem({ now: new Date(), withWorker: false, env: channelEnv(smtp, sms) });
  const directory = await seedDirectory(system.dataSource, { code, name, deputies });
  await enableDeputyChannels(system.dataSource, directory.jurisdictionId);
  const children: Array<ReturnType<typeof spawnApp>> = [];
  return {
    system,
    directory,
    smtp,
    sms,
    spawn: async (app, env = {}) => {
      const spawned = spawnApp(app, workerEnv(system, { ...channelEnv(smtp, sms), ...env }));
      children.push(spawned);
      await spawned.ready;
      return spawned;
    },
    close: async () => {
      for (const { child } of children) await stopChild(child);
      await endOpenDeadlines(system, directory.jurisdictionId);
      await system.close();
      await Promise.all([smtp.close(), sms.close()]);
    },
  };
}
