export * from './enums';
export * from './projects';
export * from './auth';
export * from './environments';
export * from './quality';
export * from './costs';
export * from './operations';
export * from './provider-sync';
