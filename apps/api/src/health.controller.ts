import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@app/accounts';
import { QueueService } from '@app/persistence';

async function check(probe: () => Promise<boolean>): Promise<'up' | 'down'> {
  try {
    return (await probe()) ? 'up' : 'down';
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
  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis and migrations; 503 when any is down' })
  async health() {
    const checks = {
      postgres: await check(async () => (await this.dataSource.query('SELECT 1')).length === 1),
      redis: await check(() => this.queues.ping()),
      migrations: await check(async () => !(await this.dataSource.showMigrations())),
    };
    const status = Object.values(checks).every((state) => state === 'up') ? 'ok' : 'unavailable';
    if (status !== 'ok') throw new ServiceUnavailableException({ status, checks });
    return { status, checks };
  }
}
