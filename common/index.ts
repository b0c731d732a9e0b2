export * from './constants';
export * from './ml_commons';
export * from './native';
export * from './routes';
export * from './upload';
export * from './types';
export * from './zip_entries';
