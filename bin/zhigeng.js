#!/usr/bin/env node
// Entry point: TypeScript sources run through tsx, so there is no separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
