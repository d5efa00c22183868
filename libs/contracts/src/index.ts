export * from './lib/api';
export * from './lib/cities';
export * from './lib/municipalities';
export * from './lib/users';
export * from './lib/content';
