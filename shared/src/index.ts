/** The shared domain of Karusell: pure, no DOM, no Node, no Socket.IO. */
export * from './plan';
export * from './events';
export * from './state';
export * from './commands';
export * from './decide';
export * from './refusals';
export * from './protocol';
export * from './visibility';
export * from './ids';
export * from './votes';
export * from './voting';
export * from './results';
