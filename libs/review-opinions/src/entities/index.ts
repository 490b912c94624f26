import { ReviewOpinionItemEntity } from './review-opinion-item.entity';
import { ReviewOpinionListEntity } from './review-opinion-list.entity';

export { ReviewOpinionItemEntity, ReviewOpinionListEntity };

export const REVIEW_OPINION_ENTITIES = [ReviewOpinionListEntity, ReviewOpinionItemEntity];
