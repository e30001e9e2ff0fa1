export * from './anchors';
export * from './fields';
export * from './problem.schema';
export * from './rubric.schema';
