export * from './nurture.module';
export * from './nurture-saga.runner';
export * from './nurture-saga.consumer';
export * from './nurture-saga.step';
export * from './saga-command.sender';
