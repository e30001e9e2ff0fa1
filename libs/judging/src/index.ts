export * from './engine.port';
export * from './submission-events';
export * from './submissions.service';
export * from './judge-submission.handler';
export * from './judging.module';
export * from './problem-validation.recorder';
export * from './sandbox-engine';
export * from './language-bridge';
