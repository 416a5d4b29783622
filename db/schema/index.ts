export * from './enums';
export * from './projects';
export * from './auth';
export * from './delivery';
export * from './quality';
export * from './costs';
export * from './operations';
export * from './ingest';
