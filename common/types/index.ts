export * from './search';
export * from './model_group';
export * from './model';
export * from './task';
export * from './predict';
export * from './profile';
export * from './readiness';
export * from './errors';
