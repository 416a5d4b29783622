export * from './projects';
export * from './environments';
export * from './quality';
export * from './costs';
export * from './memberships';
export * from './alert-outbox';
export * from './environment-controls';
