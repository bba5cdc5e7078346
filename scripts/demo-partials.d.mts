import type { Plugin } from 'vite';

export function demoPartials(dir: string): Plugin;
