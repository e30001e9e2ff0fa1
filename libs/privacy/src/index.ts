export * from './erased';
export * from './data-export.service';
export * from './erasure.service';
export * from './privacy.module';
