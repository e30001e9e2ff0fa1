export * from './enums';
export * from './user.entity';
export * from './entities';
export * from './problem.entity';
export * from './submission.entity';
export * from './base.entity';
