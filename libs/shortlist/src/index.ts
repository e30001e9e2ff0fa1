export * from './composite';
export * from './shortlist.service';
export * from './shortlist.module';
