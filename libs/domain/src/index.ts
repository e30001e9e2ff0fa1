export * from './enums';
export * from './user.entity';
export * from './entities';
