import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { invalidInput } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { ROSTER_MAX_FILE_BYTES } from '../constants/roster-columns.constant';
import { CurrentUser, RequireCapability } from '../decorators/auth.decorators';
import { DeputyStatusDto, ExportQueryDto, ImportQueryDto } from '../dtos/roster.dto';
import { Capability } from '../policy/access.policy';
import { DeputyAdminService } from '../services/deputy-admin.service';
import { RosterService } from '../services/roster.service';

const upload = FileInterceptor('file', { limits: { fileSize: ROSTER_MAX_FILE_BYTES, files: 1 } });
const FILE_BODY = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };
const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };

function fileOrFail(file: { buffer: Buffer } | undefined): Buffer {
  if (!file?.buffer?.length) throw invalidInput([{ field: 'file', reason: 'attach a .xlsx or .csv file as multipart field "file"' }]);
  return file.buffer;
}

/** Deputies and units kept in spreadsheets by the office: import (dry run first), export, and deputies leaving. */
@ApiTags('rosters')
@ApiBearerAuth()
@Controller()
export class RosterController {
  constructor(
    private readonly rosters: RosterService,
    private readonly deputies: DeputyAdminService,
  ) {}

  @Post('rosters/deputies/import')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_ROSTERS)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Import deputies (姓名, 代表证号, 代表团, 电话, 工作单位); any bad row: 400 listing every one, nothing written' })
  importDeputies(@CurrentUser() user: AuthUser, @UploadedFile() file: { buffer: Buffer } | undefined, @Query() query: ImportQueryDto) {
    return this.rosters.importDeputies(user, fileOrFail(file), query);
  }

  @Post('rosters/units/import')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_ROSTERS)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Import handling units (单位名称, 单位代码, 单位类别, 联系电话); all or nothing' })
  importUnits(@CurrentUser() user: AuthUser, @UploadedFile() file: { buffer: Buffer } | undefined, @Query() query: ImportQueryDto) {
    return this.rosters.importUnits(user, fileOrFail(file), query);
  }

  @Get('rosters/deputies/export')
  @RequireCapability(Capability.MANAGE_ROSTERS)
  @ApiOperation({ summary: 'The deputy roster as .xlsx or .csv, in the import layout' })
  async exportDeputies(@CurrentUser() user: AuthUser, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    return new StreamableFile(await this.rosters.exportDeputies(user, query.format), {
      type: MIME[query.format], disposition: `attachment; filename="deputies.${query.format}"`,
    });
  }

  @Get('rosters/units/export')
  @RequireCapability(Capability.MANAGE_ROSTERS)
  @ApiOperation({ summary: 'The unit roster as .xlsx or .csv, in the import layout' })
  async exportUnits(@CurrentUser() user: AuthUser, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    return new StreamableFile(await this.rosters.exportUnits(user, query.format), {
      type: MIME[query.format], disposition: `attachment; filename="units.${query.format}"`,
    });
  }

  @Post('deputies/:id/deactivate')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_ROSTERS)
  @ApiOperation({ summary: 'A deputy leaves: their suggestions and history stay; their accounts are signed out and deactivated' })
  deactivate(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DeputyStatusDto) {
    return this.deputies.setActive(user, id, { active: false, reason: body.reason });
  }

  @Post('deputies/:id/reactivate')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_ROSTERS)
  reactivate(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: DeputyStatusDto) {
    return this.deputies.setActive(user, id, { active: true, reason: body.reason });
  }
}
