import { Module } from '@nestjs/common';
import { PublicReviewOpinionController } from './controllers/public-review-opinion.controller';
import { ReviewOpinionListController } from './controllers/review-opinion-list.controller';
import { ReviewOpinionsModule } from './review-opinions.module';

@Module({ imports: [ReviewOpinionsModule], controllers: [ReviewOpinionListController, PublicReviewOpinionController] })
export class ReviewOpinionsHttpModule {}
