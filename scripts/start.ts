import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import { loadConfig, migrateDatabase } from '@app/persistence';
import { seedDemo } from './demo/seed-demo';

/**
 * `npm start`: creates and migrates the database, loads the demo jurisdiction once, then runs the api and the
 * worker as two processes (as in production) in demo mode, until Ctrl-C.
 */
async function main(): Promise<void> {
  const env = { DEMO_MODE: 'true', ...process.env };
  const config = loadConfig(env);
  const applied = await migrateDatabase(config.DATABASE_URL);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  await seedDemo(config);
  const children: ChildProcess[] = ['apps/api/src/main.ts', 'apps/worker/src/main.ts'].map((entry) =>
    spawn(process.execPath, ['-r', '@swc-node/register', entry], { env, stdio: 'inherit' }),
  );
  const stop = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  children.forEach((child) =>
    child.on('exit', (code) => {
      if (code) {
        console.error(`A Jianyi process exited with code ${code}; stopping`);
        stop();
        process.exitCode = code;
      }
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
