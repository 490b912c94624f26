import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@app/accounts';
import { QueueService } from '@app/persistence';

const PROBE_TIMEOUT_MS = 2000;

/** Set once SIGTERM arrives: readiness turns 503 so a load balancer stops sending while requests drain. */
export const apiLifecycle = { draining: false };

async function check(probe: () => Promise<boolean>): Promise<'up' | 'down'> {
  try {
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
    return (await Promise.race([probe(), timeout])) ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers (restart it when this fails)' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: PostgreSQL, the queue backend (Redis or PostgreSQL) and migrations; 503 when any is down or while draining' })
  health(@Res({ passthrough: true }) response: Response) {
    return this.readiness(response);
  }

  @Public()
  @Get('ready')
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness (same as /api/health)' })
  ready(@Res({ passthrough: true }) response: Response) {
    return this.readiness(response);
  }

  /** 503 with the same body when not ready, so a probe and a person both see which check failed. */
  private async readiness(response: Response) {
    const [postgres, queue, migrations] = await Promise.all([
      check(async () => (await this.dataSource.query('SELECT 1')).length === 1),
      check(() => this.queues.ping()),
      check(async () => !(await this.dataSource.showMigrations())),
    ]);
    const checks = { postgres, queue, migrations, draining: apiLifecycle.draining };
    const ok = postgres === 'up' && queue === 'up' && migrations === 'up' && !apiLifecycle.draining;
    const body = { status: ok ? 'ok' : 'unavailable', queueBackend: this.queues.backend.kind, checks };
    if (!ok) response.status(503);
    return body;
  }
}
