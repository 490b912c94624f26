import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Capability, CurrentUser, RequireCapability } from '@app/accounts';
import { UuidParamDto } from '@app/persistence';
import { AdoptProposalDto, ProposalListQueryDto } from '../dtos/livelihood-vote.dto';
import { LivelihoodProposalService } from '../services/livelihood-proposal.service';

@ApiTags('livelihood projects')
@ApiBearerAuth()
@Controller('livelihood-proposals')
export class LivelihoodProposalController {
  constructor(private readonly proposals: LivelihoodProposalService) {}

  @Get()
  @RequireCapability(Capability.MANAGE_LIVELIHOOD_CANDIDATES)
  @ApiOperation({ summary: "Projects proposed by the public, newest first, with the proposers' contacts" })
  list(@CurrentUser() user: AuthUser, @Query() query: ProposalListQueryDto) {
    return this.proposals.list(user, query);
  }

  @Post(':id/adopt')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_LIVELIHOOD_CANDIDATES)
  @ApiOperation({ summary: "Adopt a public proposal into a vote's candidate list (ADD_CANDIDATE)" })
  adopt(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @Body() body: AdoptProposalDto) {
    return this.proposals.adopt(user, id, body);
  }
}
