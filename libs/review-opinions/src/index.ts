export * from './review-opinions.module';
export * from './review-opinions-http.module';
export * from './entities';
export * from './constants/review-opinions.constant';
export * from './exceptions/review-opinions.exception';
export * from './services/review-opinion.service';
export * from './repositories/review-opinion.repository';
