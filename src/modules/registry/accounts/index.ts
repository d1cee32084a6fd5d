export { resolveSession } from './session.ts';
export { createBootstrapAccount } from './bootstrap.ts';
