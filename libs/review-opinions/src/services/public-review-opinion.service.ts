import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from '@app/accounts';
import { VoteRepository, VoteSubjectKind } from '@app/meetings';
import { ReviewOpinionListEntity } from '../entities/review-opinion-list.entity';
import { ReviewOpinionsException, ReviewOpinionsExceptionCode } from '../exceptions/review-opinions.exception';
import { ReviewOpinionRepository } from '../repositories/review-opinion.repository';
import { buildPublicReviewList, PUBLIC_REVIEW_STATES, PublicReviewList } from '../utils/public-review-list.util';

/** 网上公开 of review-opinion lists: assigned lists in their redacted public form, with published scores. */
@Injectable()
export class PublicReviewOpinionService {
  constructor(
    private readonly lists: ReviewOpinionRepository,
    private readonly votes: VoteRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  async list(jurisdictionCode: string): Promise<PublicReviewList[]> {
    const scope = await this.getScopeOrFail(jurisdictionCode);
    return this.views(scope, await this.lists.listsInStates(scope, PUBLIC_REVIEW_STATES));
  }

  async get(jurisdictionCode: string, id: string): Promise<PublicReviewList> {
    const scope = await this.getScopeOrFail(jurisdictionCode);
    const list = await this.lists.findList(scope, id);
    if (!list || !PUBLIC_REVIEW_STATES.includes(list.state)) {
      throw new ReviewOpinionsException(ReviewOpinionsExceptionCode.REVIEW_LIST_NOT_FOUND, `No published review-opinion list ${id}`);
    }
    return (await this.views(scope, [list]))[0];
  }

  private async views(scope: { jurisdictionId: string }, lists: ReviewOpinionListEntity[]): Promise<PublicReviewList[]> {
    const ids = lists.map((list) => list.id);
    const [items, unitNames, results] = await Promise.all([
      this.lists.items(scope, ids), this.lists.unitNames(scope), this.votes.subjectResults(scope, VoteSubjectKind.REVIEW_OPINION_LIST, ids),
    ]);
    return lists.map((list) =>
      buildPublicReviewList(list, items.filter((item) => item.listId === list.id), unitNames, results.filter((result) => result.subjectId === list.id)),
    );
  }

  private async getScopeOrFail(code: string): Promise<{ jurisdictionId: string }> {
    const jurisdiction = await this.directory.findJurisdictionByCode(code);
    if (!jurisdiction) throw new ReviewOpinionsException(ReviewOpinionsExceptionCode.REVIEW_LIST_NOT_FOUND, `No jurisdiction ${code}`);
    return { jurisdictionId: jurisdiction.id };
  }
}
