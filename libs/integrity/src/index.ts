export * from './similarity-analysis';
export * from './similarity-runner';
export * from './similarity-threshold';
export * from './similarity.service';
export * from './similarity.module';
export * from './similarity-labelled-set';
