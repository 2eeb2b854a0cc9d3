#!/usr/bin/env node
// The tally command: internal packages are TypeScript source, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
