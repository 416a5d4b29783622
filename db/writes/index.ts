export * from './projects';
export * from './delivery';
export * from './quality';
export * from './costs';
export * from './memberships';
