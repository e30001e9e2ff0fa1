export * from './composite';
export * from './job-ranking';
export * from './shortlist.service';
export * from './shortlist.module';
