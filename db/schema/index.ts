export * from './common';
export * from './auth';
export * from './audit';
export * from './settings';
export * from './news';
export * from './people';
export * from './credit';
