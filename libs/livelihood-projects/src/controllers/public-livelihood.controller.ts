import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { JurisdictionParamDto, PublicVoteParamDto } from '../dtos/public-param.dto';
import { PublicProposalDto } from '../dtos/public-proposal.dto';
import { LivelihoodProposalService } from '../services/livelihood-proposal.service';
import { LivelihoodPublicService } from '../services/livelihood-public.service';

/** 征集: anyone may propose a livelihood project; a few an hour from one address. */
@ApiTags('public')
@Public()
@Controller('public/:jurisdiction/livelihood-proposals')
export class PublicLivelihoodProposalController {
  constructor(private readonly proposals: LivelihoodProposalService) {}

  @Post()
  @ApiOperation({ summary: 'Propose a livelihood project (name and contact optional, never published); 429 past the limits' })
  submit(@Param() { jurisdiction }: JurisdictionParamDto, @Ip() address: string, @Body() body: PublicProposalDto) {
    return this.proposals.submit(jurisdiction, address, body);
  }
}

/** 网上公开 of the livelihood-project votes whose candidate list the standing committee approved. */
@ApiTags('public')
@Public()
@Controller('public/:jurisdiction/livelihood-projects')
export class PublicLivelihoodProjectController {
  constructor(private readonly service: LivelihoodPublicService) {}

  @Get()
  @ApiOperation({ summary: "Each year's vote whose candidate list was approved" })
  list(@Param() { jurisdiction }: JurisdictionParamDto) {
    return this.service.votesOf(jurisdiction);
  }

  @Get(':id/candidates')
  @ApiOperation({ summary: 'The candidate projects, their units and where each came from (government or public)' })
  candidates(@Param() { jurisdiction, id }: PublicVoteParamDto) {
    return this.service.candidates(jurisdiction, id);
  }

  @Get(':id/result')
  @ApiOperation({ summary: 'Approvals per candidate in every closed round, the projects chosen, and a tie at the last place' })
  result(@Param() { jurisdiction, id }: PublicVoteParamDto) {
    return this.service.result(jurisdiction, id);
  }

  @Get(':id/progress')
  @ApiOperation({ summary: "The chosen projects' milestones, progress reports and published satisfaction scores" })
  progress(@Param() { jurisdiction, id }: PublicVoteParamDto) {
    return this.service.progress(jurisdiction, id);
  }
}
